/**
 * Fixtures for the email module's tests: a local server speaking SendGrid's v3 wire format, a real
 * SMTP server that keeps what it receives, and database helpers. (The `.test.ts` suffix keeps this
 * file out of the app build; Jest runs only `*.spec.ts` and `*.int-spec.ts`.)
 */
import { createServer, IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerAddress } from 'smtp-server';
import type { DataSource } from 'typeorm';

export interface CapturedHttpRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** An HTTP server on 127.0.0.1 that records requests and answers with `reply(request)`. */
export async function startFakeSendGrid(reply: (request: CapturedHttpRequest) => FakeReply) {
  const requests: CapturedHttpRequest[] = [];
  const state = { reply };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : undefined };
      requests.push(request);
      const answer = state.reply(request);
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface CapturedMail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 without TLS or auth, keeping every message.
 * `rejectRecipient` may answer an address with an SMTP error, e.g. `{ code: 550, message: '…' }`.
 */
export async function startSmtpCatcher(rejectRecipient?: (address: string) => { code: number; message: string } | undefined) {
  const messages: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const refusal = rejectRecipient?.(address.address);
      if (!refusal) return callback();
      const error = new Error(refusal.message) as Error & { responseCode: number };
      error.responseCode = refusal.code;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Decodes a quoted-printable MIME body enough to search it. */
export const decodeQuotedPrintable = (text: string) =>
  text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** A workspace row, inserted directly (the auth module owns the table). */
export async function insertWorkspace(dataSource: DataSource, name = 'Email test workspace'): Promise<string> {
  const rows: { id: string }[] = await dataSource.query('INSERT INTO workspaces (name) VALUES ($1) RETURNING id', [name]);
  return rows[0].id;
}

export interface StoredMessage {
  status: string;
  error: string | null;
  attempts: number;
  provider_message_id: string | null;
  transport: string;
  sent_at: Date | null;
}

/** Polls the message row until `done` holds (default: no longer queued). */
export async function waitForMessage(
  dataSource: DataSource,
  id: string,
  done: (m: StoredMessage) => boolean = (m) => m.status !== 'queued',
  timeoutMs = 20_000,
): Promise<StoredMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row]: StoredMessage[] = await dataSource.query(
      'SELECT status, error, attempts, provider_message_id, transport, sent_at FROM email_messages WHERE id = $1',
      [id],
    );
    if (row && done(row)) return row;
    if (Date.now() > deadline) throw new Error(`Email ${id} did not settle in ${timeoutMs} ms: ${JSON.stringify(row)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
