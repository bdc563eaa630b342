import { parse } from 'csv-parse';
import type { Parser } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { CellValue as ExcelCellValue } from 'exceljs';
import type { Readable } from 'node:stream';
import { DecodeText } from './csv-dialect';
import type { CsvDelimiter } from './csv-dialect';
import type { CellValue } from './import-values';

export type ImportFormat = 'csv' | 'xlsx';

/** One row of a file. `rowNumber` is 1-based as a spreadsheet shows it (the header row is row 1). */
export interface ImportRow {
  rowNumber: number;
  cells: CellValue[];
  /** Set when the row could not be read at all (e.g. a broken quote); `cells` is then empty. */
  error?: string;
}

/**
 * The rows of a CSV file, streamed with backpressure. Quoted fields may hold delimiters, quotes and line
 * breaks; a byte order mark is dropped and the encoding detected (see {@link DecodeText}); rows may have any
 * number of cells (the caller checks them against the header). A row the parser cannot read comes back
 * with an `error`, and reading goes on with the next one. Rows count records, as a spreadsheet would
 * show the file: a quoted line break does not start a new row.
 */
export async function* readCsvRows(source: Readable, delimiter: CsvDelimiter): AsyncGenerator<ImportRow> {
  /** Records the parser skipped, with how many records it had emitted before each. */
  const skipped: { before: number; error: string }[] = [];
  const parser: Parser = parse({
    delimiter,
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      skipped.push({ before: parser.info.records, error: error?.message ?? 'unreadable row' });
      return undefined;
    },
  });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(new DecodeText()).pipe(parser);
  let rowNumber = 0;
  try {
    let records = 0;
    for await (const record of parser as AsyncIterable<string[]>) {
      records++;
      while (skipped.length && skipped[0].before < records) {
        const { error } = skipped.shift() as { error: string };
        yield { rowNumber: ++rowNumber, cells: [], error };
      }
      yield { rowNumber: ++rowNumber, cells: record };
    }
    for (const { error } of skipped) yield { rowNumber: ++rowNumber, cells: [], error };
  } finally {
    source.destroy();
  }
}

/**
 * The rows of the first worksheet of an XLSX workbook, streamed. Date cells come back as dates (UTC, as
 * Excel shows them), formulas as their results, rich text and hyperlinks as their text. Empty rows are
 * not returned; row numbers are the sheet's.
 */
export async function* readXlsxRows(source: Readable): AsyncGenerator<ImportRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const values = row.values as ExcelCellValue[];
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length; i++) cells.push(excelCell(values[i]));
        yield { rowNumber: row.number, cells };
      }
      return; // the first worksheet only
    }
  } finally {
    source.destroy();
  }
}

function excelCell(value: ExcelCellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return excelCell(value.result as ExcelCellValue);
  if ('formula' in value || 'sharedFormula' in value) return null;
  if ('text' in value) return typeof value.text === 'string' ? value.text : excelCell(value.text as ExcelCellValue);
  if ('error' in value) return String(value.error);
  return null;
}

/** The rows of a stored import file of either format. */
export function readRows(source: Readable, format: ImportFormat, delimiter: CsvDelimiter | null): AsyncGenerator<ImportRow> {
  return format === 'xlsx' ? readXlsxRows(source) : readCsvRows(source, delimiter ?? ',');
}
