/** Every migration, in order. `npm run migration:generate` writes new files here; add them to this list. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [];
