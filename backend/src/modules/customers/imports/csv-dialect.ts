import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * The encoding of a text file from its first bytes: a byte order mark says UTF-8 or UTF-16; without one,
 * text that decodes as UTF-8 is UTF-8, anything else is taken for Windows-1252 (what Excel on Windows writes
 * as "CSV").
 */
export function detectEncoding(head: Uint8Array): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true }); // a cut multi-byte sequence at the end is fine
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** Decodes a byte stream to text in the encoding its first chunk shows; a byte order mark is dropped. */
export class DecodeText extends Transform {
  private decoder?: TextDecoder;

  constructor() {
    super({ decodeStrings: true, readableObjectMode: false, encoding: 'utf8' });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.decoder ??= new TextDecoder(detectEncoding(chunk));
    done(null, this.decoder.decode(chunk, { stream: true }));
  }

  override _flush(done: TransformCallback): void {
    done(null, this.decoder?.decode() ?? '');
  }
}

/**
 * The delimiter of a CSV sample: for each candidate (`,` `;` tab `|`), how many times it occurs outside
 * quotes in each of the first records; the one that occurs the same, non-zero number of times in the most
 * records wins, then the one occurring most often. A sample with none of them is one column (`,`).
 * `complete`: the sample is the whole file (its last line is a record even without a line break).
 */
export function detectDelimiter(sample: string, complete = false): CsvDelimiter {
  const records = sampleRecords(sample.replace(/^\uFEFF/, ''), 20, complete);
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const delimiter of CSV_DELIMITERS) {
    const counts = records.map((r) => r.split(delimiter).length - 1);
    const mode = modeOf(counts.filter((c) => c > 0));
    if (!mode) continue;
    const score = counts.filter((c) => c === mode).length * 1000 + mode;
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}

/** Up to `max` complete records of the sample with quoted parts blanked out (so their delimiters do not count). */
function sampleRecords(sample: string, max: number, complete: boolean): string[] {
  const records: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < sample.length && records.length < max; i++) {
    const c = sample[i];
    if (c === '"') {
      if (quoted && sample[i + 1] === '"') i++;
      else quoted = !quoted;
    } else if (quoted) {
      continue;
    } else if (c === '\n' || c === '\r') {
      if (current.trim()) records.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (complete && !quoted && current.trim() && records.length < max) records.push(current);
  return records; // the unfinished last record of a cut sample is left out
}

function modeOf(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let mode = 0;
  let most = 0;
  for (const [value, n] of counts) if (n > most || (n === most && value > mode)) [mode, most] = [value, n];
  return mode;
}
