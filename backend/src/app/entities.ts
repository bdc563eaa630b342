/** Every TypeORM entity, listed once for the app, the migration CLI and tests. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ENTITIES: Function[] = [];
