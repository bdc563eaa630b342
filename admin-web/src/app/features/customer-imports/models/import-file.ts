/** What the upload step accepts, and how the wizard describes a file. */

/** File types the API reads (CSV-like text and Excel workbooks), for the file picker's `accept`. */
export const ACCEPTED_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx'] as const;
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.join(',');

/**
 * Why a chosen file cannot be uploaded, or null. Only what is certain before sending: the
 * extension, emptiness, and the size when the limit is known. The API checks the content.
 */
export function fileProblem(
  file: { name: string; size: number },
  maxBytes: number | null,
): string | null {
  const extension = /\.[^.]+$/.exec(file.name)?.[0]?.toLowerCase() ?? '';
  if (extension === '.xls') {
    return `${file.name} is an old Excel file: save it as .xlsx or .csv and upload that.`;
  }
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(extension)) {
    return `${file.name} is not a CSV or XLSX file.`;
  }
  if (file.size === 0) return `${file.name} is empty.`;
  if (maxBytes !== null && file.size > maxBytes) {
    return `${file.name} is ${fileSize(file.size)}; files up to ${fileSize(maxBytes)} can be imported.`;
  }
  return null;
}

/** Bytes for people: `512 B`, `12.3 KB`, `200 MB` (powers of 1024, as the size limit is set in MB). */
export function fileSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 || Number.isInteger(value) ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

const DELIMITERS: Record<string, string> = {
  ',': 'Comma (,)',
  ';': 'Semicolon (;)',
  '\t': 'Tab',
  '|': 'Pipe (|)',
};

/** How the file was read, e.g. `CSV, semicolon-separated` or `Excel workbook (XLSX)`. */
export function formatLabel(
  format: 'csv' | 'xlsx',
  delimiter: string | null,
): string {
  if (format === 'xlsx') return 'Excel workbook (XLSX)';
  if (delimiter === null) return 'CSV';
  return `CSV, separated by ${DELIMITERS[delimiter] ?? `"${delimiter}"`}`;
}
