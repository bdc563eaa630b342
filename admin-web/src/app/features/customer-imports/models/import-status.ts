/** The states of an import run, as the wizard shows and follows them. */
export type ImportStatus =
  | 'uploaded'
  | 'queued'
  | 'running'
  | 'completed'
  | 'failed';

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
