import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { importsError } from './customer-imports.errors';
import type { UploadedFile } from './customer-imports.service';

/**
 * The `file` part of a multipart upload, still streaming (the body is never buffered whole). The size limit
 * (IMPORT_MAX_MB) is the multipart plugin's: the stream is cut there and {@link UploadedFile.truncated} says so.
 */
export async function uploadedFile(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) throw importsError.notMultipart();
  let part;
  try {
    part = await request.file();
  } catch (error) {
    throw importsError.fileMissing(`The upload cannot be read: ${(error as Error).message}`);
  }
  if (!part) throw importsError.fileMissing();
  if (part.fieldname !== 'file') {
    part.file.resume();
    throw importsError.fileMissing(`Send the file in the field "file", not "${part.fieldname}"`);
  }
  const stream = part.file;
  return { fileName: part.filename, stream, truncated: () => stream.truncated };
}
