import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Env } from '../config/env';

/**
 * Files of the platform (import uploads, export results) in a directory shared by API and worker
 * processes (STORAGE_DIR). Keys look like `<workspaceId>/<kind>/<uuid>.<ext>`; they are made here, never
 * taken from a request, and resolved strictly inside the root.
 */
@Injectable()
export class FileStorage {
  private readonly root: string;

  constructor(env: Env) {
    this.root = resolve(env.STORAGE_DIR);
  }

  /** A new key for a file of `kind` (e.g. `imports`) in a workspace. */
  newKey(workspaceId: string, kind: string, extension: string): string {
    return `${workspaceId}/${kind}/${randomUUID()}.${extension}`;
  }

  /** Streams `source` into the file of `key`; resolves with the bytes written. */
  async write(key: string, source: Readable): Promise<number> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    await pipeline(source, createWriteStream(path));
    return (await stat(path)).size;
  }

  /** A writable stream into the file of `key` (its directory is created first). */
  async openWrite(key: string): Promise<NodeJS.WritableStream> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    return createWriteStream(path);
  }

  openRead(key: string): Readable {
    return createReadStream(this.path(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  /** Absolute path of a key, refusing anything that would leave the root. */
  path(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`storage key outside the storage root: ${key}`);
    return path;
  }
}
