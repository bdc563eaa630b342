/** Free text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'` (OWASP CSV injection). */
export const safeText = (value: string | null | undefined): string => (!value ? '' : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
