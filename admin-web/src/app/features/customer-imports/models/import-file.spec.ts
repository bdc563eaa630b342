import { fileProblem, fileSize, formatLabel } from './import-file';
import { isFinished, phaseOf, runDuration } from './import-status';

describe('import file', () => {
  const MB = 1024 * 1024;

  it('accepts CSV, TSV, TXT and XLSX files within the limit, whatever the case of the extension', () => {
    for (const name of ['a.csv', 'b.TSV', 'c.txt', 'd.Xlsx']) {
      expect(fileProblem({ name, size: 10 }, 5 * MB)).toBeNull();
    }
    expect(fileProblem({ name: 'big.csv', size: 900 * MB }, null)).toBeNull();
  });

  it('says why a file cannot be sent: type, old Excel, empty, too large', () => {
    expect(fileProblem({ name: 'photo.png', size: 10 }, null)).toBe(
      'photo.png is not a CSV or XLSX file.',
    );
    expect(fileProblem({ name: 'noext', size: 10 }, null)).toBe(
      'noext is not a CSV or XLSX file.',
    );
    expect(fileProblem({ name: 'old.xls', size: 10 }, null)).toContain(
      'save it as .xlsx or .csv',
    );
    expect(fileProblem({ name: 'e.csv', size: 0 }, null)).toBe(
      'e.csv is empty.',
    );
    expect(fileProblem({ name: 'big.csv', size: 5 * MB + 1 }, 5 * MB)).toBe(
      'big.csv is 5.0 MB; files up to 5 MB can be imported.',
    );
  });

  it('writes sizes in powers of 1024', () => {
    expect(fileSize(0)).toBe('0 B');
    expect(fileSize(1023)).toBe('1023 B');
    expect(fileSize(1536)).toBe('1.5 KB');
    expect(fileSize(200 * MB)).toBe('200 MB');
    expect(fileSize(150.4 * MB)).toBe('150 MB');
    expect(fileSize(3 * 1024 * MB)).toBe('3 GB');
  });

  it('names how the file was read', () => {
    expect(formatLabel('csv', ';')).toBe('CSV, separated by Semicolon (;)');
    expect(formatLabel('csv', '\t')).toBe('CSV, separated by Tab');
    expect(formatLabel('csv', '~')).toBe('CSV, separated by "~"');
    expect(formatLabel('xlsx', null)).toBe('Excel workbook (XLSX)');
  });
});

describe('import status', () => {
  it('maps each status to the wizard phase that shows it', () => {
    expect(phaseOf(null)).toBe('upload');
    expect(phaseOf('uploaded')).toBe('map');
    expect(phaseOf('queued')).toBe('run');
    expect(phaseOf('running')).toBe('run');
    expect(phaseOf('completed')).toBe('done');
    expect(phaseOf('failed')).toBe('done');
  });

  it('treats only completed and failed as finished', () => {
    expect(
      ['uploaded', 'queued', 'running', 'completed', 'failed'].filter((s) =>
        isFinished(s as Parameters<typeof isFinished>[0]),
      ),
    ).toEqual(['completed', 'failed']);
  });

  it('says how long a run took, once it has started and finished', () => {
    const at = (s: number) =>
      new Date(Date.UTC(2026, 0, 1, 10) + s * 1000).toISOString();
    expect(runDuration(at(0), at(0.4))).toBe('under a second');
    expect(runDuration(at(0), at(45))).toBe('45 s');
    expect(runDuration(at(0), at(184))).toBe('3 min 4 s');
    expect(runDuration(at(0), at(3720))).toBe('1 h 2 min');
    expect(runDuration(at(0), null)).toBeNull();
    expect(runDuration(null, at(5))).toBeNull();
  });
});
