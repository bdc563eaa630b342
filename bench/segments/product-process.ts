import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_OWNER } from './product-protocol';
import type { ProductCommand, ProductReady } from './product-protocol';

export interface HttpResult<T> {
  status: number;
  body: T;
}

/** The product running in its child process (product-server.ts): its HTTP API as the owner, and its commands. */
export class ProductProcess {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private token = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.on('message', (m: { id?: number; result?: unknown; error?: string }) => {
      const waiting = m.id === undefined ? undefined : this.pending.get(m.id);
      if (!waiting) return;
      this.pending.delete(m.id!);
      if (m.error) waiting.reject(new Error(m.error));
      else waiting.resolve(m.result);
    });
  }

  static start(databaseUrl: string, storageDir: string): Promise<ProductProcess> {
    const child = fork(join(__dirname, 'product-server.js'), [databaseUrl, storageDir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      const failed = (code: number | null) => reject(new Error(`the product process exited with ${code} before it was ready`));
      child.once('exit', failed);
      child.on('message', (m: { ready?: ProductReady }) => {
        if (!m.ready) return;
        child.off('exit', failed);
        resolve(new ProductProcess(child, m.ready.url));
      });
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Signs in as the owner the product created on its first start (the token names the owner's workspace). */
  async login(): Promise<void> {
    const res = await this.http<{ accessToken: string }>('POST', '/api/auth/login', BENCH_OWNER);
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.token = res.body.accessToken;
  }

  async http<T = any>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** An HTTP call that must answer `expected`; throws with the problem document otherwise. */
  async expect<T = any>(expected: number, method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.http<T>(method, path, body);
    if (res.status !== expected) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  command<T>(message: ProductCommand): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ ...message, id });
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.disconnect();
    });
  }
}
