import type { CustomerImportStatus as ImportStatus } from './import-api';

/** The states of an import run, as the wizard shows and follows them. */

export type { ImportStatus };

/** Where the wizard is with an import: none yet, to be mapped, running, or finished. */
export type ImportPhase = 'upload' | 'map' | 'run' | 'done';

export function phaseOf(status: ImportStatus | null | undefined): ImportPhase {
  switch (status) {
    case undefined:
    case null:
      return 'upload';
    case 'uploaded':
      return 'map';
    case 'queued':
    case 'running':
      return 'run';
    default:
      return 'done';
  }
}

/** A finished run: nothing more will change, so polling stops. */
export function isFinished(status: ImportStatus): boolean {
  return status === 'completed' || status === 'failed';
}

export const STATUS_LABELS: Record<ImportStatus, string> = {
  uploaded: 'Not started',
  queued: 'Waiting to run',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
};

/** How long a run took, e.g. `under a second`, `45 s`, `3 min 4 s`, `1 h 2 min`; null until it has started and finished. */
export function runDuration(
  startedAt: string | null,
  finishedAt: string | null,
): string | null {
  if (!startedAt || !finishedAt) return null;
  const seconds = Math.max(
    0,
    Math.round((Date.parse(finishedAt) - Date.parse(startedAt)) / 1000),
  );
  if (seconds === 0) return 'under a second';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
