import { Auth1795800000000 } from './1795800000000-auth';

/** Every migration, in order. `npm run migration:generate --name=<name>` writes new files here; add them to this list. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [Auth1795800000000];
