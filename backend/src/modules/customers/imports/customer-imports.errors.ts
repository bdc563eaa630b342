import { DomainError } from '../../../platform/errors/domain-error';
import type { FieldProblem } from '../../../platform/errors/domain-error';

/** Stable problem codes of customer imports (the problem `type` ends with the code). */
export enum CustomerImportsErrorCode {
  NotFound = 'not-found',
  FileMissing = 'import-file-missing',
  FileTooLarge = 'import-file-too-large',
  FileUnsupported = 'import-file-unsupported',
  FileUnreadable = 'import-file-unreadable',
  NotStartable = 'import-not-startable',
  InvalidMapping = 'import-mapping-invalid',
}

const onFile = (code: CustomerImportsErrorCode, status: number, message: string) =>
  new DomainError(code, status, message, [{ field: 'file', message }]);

export const importsError = {
  importNotFound: () => new DomainError(CustomerImportsErrorCode.NotFound, 404, 'Customer import not found'),
  mappingNotFound: () => new DomainError(CustomerImportsErrorCode.NotFound, 404, 'Import mapping not found'),
  fileMissing: (message = 'Send the file as multipart/form-data in the field "file"') => onFile(CustomerImportsErrorCode.FileMissing, 400, message),
  notMultipart: () => onFile(CustomerImportsErrorCode.FileUnsupported, 415, 'Send the file as multipart/form-data in the field "file"'),
  fileTooLarge: (maxMb: number) => onFile(CustomerImportsErrorCode.FileTooLarge, 413, `The file is larger than ${maxMb} MB`),
  fileUnsupported: (reason: string) => onFile(CustomerImportsErrorCode.FileUnsupported, 415, reason),
  fileUnreadable: (reason: string) => onFile(CustomerImportsErrorCode.FileUnreadable, 400, reason),
  notStartable: (status: string) =>
    new DomainError(CustomerImportsErrorCode.NotStartable, 409, `The import is ${status}; only an uploaded or failed import can be started`),
  invalidMapping: (problems: FieldProblem[]) =>
    new DomainError(CustomerImportsErrorCode.InvalidMapping, 422, problems.map((p) => p.message).join('; '), problems),
};
