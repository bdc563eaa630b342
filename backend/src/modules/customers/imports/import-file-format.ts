import type { ImportFormat } from './import-file-reader';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Signatures of files that are certainly not customer lists we can read. */
const BINARY_SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel (.xls) or Office file; save it as .xlsx or .csv' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
];
const CSV_EXTENSIONS = new Set(['csv', 'tsv', 'txt']);

const startsWith = (head: Uint8Array, bytes: number[]) => bytes.every((b, i) => head[i] === b);
const hasUtf16Bom = (head: Uint8Array) => (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);

/** The lower-case extension of a file name, or '' when it has none. */
export const extensionOf = (fileName: string): string => /\.([a-z0-9]{1,10})$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';

/**
 * The format of an uploaded file from its first bytes and its name: a ZIP container named `.xlsx` (or
 * unnamed) is XLSX; text (no NUL bytes, unless UTF-16) named `.csv`/`.tsv`/`.txt` (or unnamed) is CSV.
 * Anything else is refused with a reason.
 */
export function detectFormat(fileName: string, head: Uint8Array): { format: ImportFormat } | { problem: string } {
  const extension = extensionOf(fileName);
  if (head.length === 0) return { problem: 'The file is empty' };
  if (startsWith(head, ZIP)) {
    return extension === 'xlsx' || extension === '' ? { format: 'xlsx' } : { problem: `A .${extension} file is not a CSV or XLSX file` };
  }
  const binary = BINARY_SIGNATURES.find((s) => startsWith(head, s.bytes));
  if (binary) return { problem: `This is ${binary.what}; upload a CSV or XLSX file` };
  if (extension === 'xlsx') return { problem: 'The file is named .xlsx but is not an Excel workbook' };
  if (!CSV_EXTENSIONS.has(extension) && extension !== '') return { problem: `.${extension} files are not supported; upload a CSV or XLSX file` };
  if (!hasUtf16Bom(head) && head.includes(0)) return { problem: 'The file is not text; upload a CSV or XLSX file' };
  return { format: 'csv' };
}
