/**
 * The control socket: a Unix stream socket (mode 0600) answering one request per connection.
 * Request: a line `status`; reply: the status as JSON. Secrets are never part of it.
 *
 * Whatever a client does costs bounded memory and never takes the daemon down: a request
 * longer than maxRequestBytes is answered with an error and the connection closed; a client
 * that sends nothing, or does not read its reply, is dropped after idleMs without activity;
 * beyond maxConnections at once, new connections are closed at once. Each kind of trouble is
 * logged the first time and then at every power of two.
 */
import { chmodSync, mkdirSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { dirname } from 'node:path';
import type { Logger } from '../drivers.js';

export const DEFAULT_CONTROL = '/run/kaconf/kaconf.sock';

const open = new WeakMap<Server, Set<Socket>>();

export interface ControlOptions {
  logger?: Logger;
  /** longest request line (default 4 KiB) */
  maxRequestBytes?: number;
  /** a connection without traffic for this long is closed (default 5 s) */
  idleMs?: number;
  /** connections served at once (default 32) */
  maxConnections?: number;
}

/** Whether something answers on the socket path (another daemon). */
export function socketInUse(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const c = createConnection(path);
    c.on('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.on('error', () => resolve(false));
  });
}

/** a request as it may appear in a log line: printable, short */
function shown(req: string): string {
  const clean = req.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

export async function startControl(path: string, handle: (request: string) => unknown, opts: ControlOptions = {}): Promise<Server> {
  if (await socketInUse(path)) throw new Error(`another daemon answers on ${path}`);
  const maxRequest = opts.maxRequestBytes ?? 4096;
  const idleMs = opts.idleMs ?? 5000;
  const counts: Record<string, number> = {};
  const trouble = (kind: string, message: string): void => {
    const n = (counts[kind] = (counts[kind] ?? 0) + 1);
    if ((n & (n - 1)) === 0) opts.logger?.log('warning', `control socket: ${message} (${n} so far)`, { event: 'control', reason: kind, count: n });
  };
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    unlinkSync(path);
  } catch {
    // none left over
  }
  const conns = new Set<Socket>();
  const server = createServer((conn) => {
    conns.add(conn);
    conn.on('close', () => conns.delete(conn));
    const chunks: Buffer[] = [];
    let size = 0;
    let answered = false;
    const answer = (reply: unknown): void => {
      answered = true;
      conn.removeAllListeners('data');
      conn.resume(); // whatever else the client sends is read and dropped
      let text: string;
      try {
        text = `${JSON.stringify(reply)}\n`;
      } catch (e) {
        text = `${JSON.stringify({ error: `internal error: ${(e as Error).message}` })}\n`;
      }
      conn.end(text);
    };
    conn.setTimeout(idleMs, () => {
      trouble(answered ? 'unread' : 'idle', answered ? `a client did not read its reply within ${idleMs / 1000} s; connection closed` : `a client sent no complete request within ${idleMs / 1000} s; connection closed`);
      conn.destroy();
    });
    conn.on('data', (d: Buffer) => {
      if (answered) return;
      const nl = d.indexOf(0x0a);
      const part = nl < 0 ? d : d.subarray(0, nl);
      if (size + part.length > maxRequest) {
        trouble('too-long', `a request longer than ${maxRequest} bytes was refused`);
        answer({ error: `request too long (more than ${maxRequest} bytes)` });
        return;
      }
      chunks.push(part);
      size += part.length;
      if (nl >= 0) serve();
    });
    const serve = (): void => {
      const req = Buffer.concat(chunks).toString('utf8').trim();
      let reply: unknown;
      try {
        reply = handle(req);
      } catch (e) {
        trouble('bad-request', `refused request '${shown(req)}': ${(e as Error).message}`);
        reply = { error: (e as Error).message };
      }
      answer(reply);
    };
    // a request without its newline, then end of input: served as well
    conn.on('end', () => {
      if (answered) return;
      if (size > 0) serve();
      else conn.end();
    });
    conn.on('error', () => undefined);
  });
  server.maxConnections = opts.maxConnections ?? 32;
  server.on('drop', () => trouble('too-many', `more than ${server.maxConnections} connections at once; new ones are closed`));
  server.on('error', (e) => opts.logger?.log('error', `control socket: ${e.message}`, { event: 'control' }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
  chmodSync(path, 0o600);
  open.set(server, conns);
  return server;
}

export function stopControl(server: Server, path: string): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // connections still open (a client not reading) do not hold the exit
    for (const c of open.get(server) ?? []) c.destroy();
    try {
      unlinkSync(path);
    } catch {
      // gone
    }
  });
}
