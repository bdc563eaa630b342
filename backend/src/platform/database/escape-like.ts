/** Escapes `\`, `%` and `_` so a user's text matches literally inside a LIKE pattern (with `ESCAPE '\'`). */
export const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);
