import { DomainError } from '../../platform/errors/domain-error';

/** Stable problem codes of the segments module (the problem `type` ends with the code). */
export enum SegmentsErrorCode {
  NotFound = 'not-found',
  /** Another segment of the workspace has this name. */
  DuplicateName = 'segment-name-taken',
  /** Other segments' rules refer to this one: it cannot be deleted. */
  InUse = 'segment-in-use',
  /** Counting took longer than the preview's statement timeout. */
  PreviewTimeout = 'preview-timeout',
}

export const segmentsError = {
  notFound: () => new DomainError(SegmentsErrorCode.NotFound, 404, 'Segment not found'),
  customerNotFound: () => new DomainError(SegmentsErrorCode.NotFound, 404, 'Customer not found'),
  playbookNotFound: (key: string) => new DomainError(SegmentsErrorCode.NotFound, 404, `There is no playbook "${key}"`),
  duplicateName: () =>
    new DomainError(SegmentsErrorCode.DuplicateName, 409, 'Another segment already has this name', [
      { field: 'name', message: 'another segment already has this name' },
    ]),
  inUse: (users: { id: string; name: string }[]) =>
    new DomainError(
      SegmentsErrorCode.InUse,
      409,
      `Segments refer to this one: ${users.map((u) => `"${u.name}"`).join(', ')}`,
      users.map((u) => ({ field: 'usedBy', message: `segment "${u.name}" (${u.id}) refers to this segment` })),
    ),
  previewTimeout: (seconds: number) =>
    new DomainError(SegmentsErrorCode.PreviewTimeout, 422, `Counting this segment took longer than ${seconds} s; narrow the rules or try again later`),
};
