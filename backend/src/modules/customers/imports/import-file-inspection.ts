import type { Readable } from 'node:stream';
import { detectDelimiter, detectEncoding } from './csv-dialect';
import type { CsvDelimiter } from './csv-dialect';
import { detectFormat } from './import-file-format';
import { readRows } from './import-file-reader';
import type { ImportFormat } from './import-file-reader';
import { cellText, isBlank } from './import-values';
import { headerNames } from './mapping-suggestion';

export const PREVIEW_ROWS = 20;
const SAMPLE_BYTES = 64 * 1024;

export interface InspectedFile {
  format: ImportFormat;
  delimiter: CsvDelimiter | null;
  headers: string[];
  previewRows: string[][];
}

export type Inspection = { ok: true; file: InspectedFile } | { ok: false; unsupported: boolean; reason: string };

/**
 * Looks at a stored upload: its format (from the first bytes and the name), the CSV delimiter, the header
 * row (the first row that is not blank) and up to {@link PREVIEW_ROWS} data rows. Reads only the start of
 * the file. `open` gives a new stream over the file each time.
 */
export async function inspectImportFile(open: () => Readable, fileName: string): Promise<Inspection> {
  const head = await readHead(open(), SAMPLE_BYTES);
  const detected = detectFormat(fileName, head);
  if ('problem' in detected) return { ok: false, unsupported: true, reason: detected.problem };
  const delimiter =
    detected.format === 'csv' ? detectDelimiter(new TextDecoder(detectEncoding(head)).decode(head), head.length < SAMPLE_BYTES) : null;
  let headers: string[] | null = null;
  const previewRows: string[][] = [];
  try {
    for await (const row of readRows(open(), detected.format, delimiter)) {
      if (row.error || row.cells.every(isBlank)) continue;
      if (!headers) headers = headerNames(row.cells);
      else previewRows.push(headers.map((_, i) => cellText(row.cells[i] ?? null)));
      if (previewRows.length >= PREVIEW_ROWS) break;
    }
  } catch (error) {
    return { ok: false, unsupported: false, reason: `The file cannot be read as ${detected.format.toUpperCase()}: ${(error as Error).message}` };
  }
  if (!headers) return { ok: false, unsupported: false, reason: 'The file has no header row' };
  return { ok: true, file: { format: detected.format, delimiter, headers, previewRows } };
}

/** Up to `bytes` first bytes of a stream, which is then closed. */
async function readHead(stream: Readable, bytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= bytes) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}
