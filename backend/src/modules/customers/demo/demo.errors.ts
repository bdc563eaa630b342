import { DomainError } from '../../../platform/errors/domain-error';

/** Stable problem codes of the demo data (the problem `type` ends with the code). */
export enum DemoErrorCode {
  /** Demo data only goes into a workspace without customers. */
  WorkspaceNotEmpty = 'demo-workspace-not-empty',
  /** The command line could not tell which workspace to fill. */
  WorkspaceUnknown = 'demo-workspace-unknown',
}

export const demoError = {
  workspaceNotEmpty: (customers: number) =>
    new DomainError(
      DemoErrorCode.WorkspaceNotEmpty,
      409,
      `The workspace already has ${customers} customer${customers === 1 ? '' : 's'}; demo data only goes into an empty workspace`,
    ),
  workspaceUnknown: (message: string) => new DomainError(DemoErrorCode.WorkspaceUnknown, 400, message),
};
