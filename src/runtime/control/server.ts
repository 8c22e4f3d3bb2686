/**
 * The control socket: a Unix stream socket (mode 0600) answering one request per connection.
 * Request: a line `status`; reply: the status as JSON. Secrets are never part of it.
 */
import { chmodSync, mkdirSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { dirname } from 'node:path';

export const DEFAULT_CONTROL = '/run/kaconf/kaconf.sock';

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

export async function startControl(path: string, handle: (request: string) => unknown): Promise<Server> {
  if (await socketInUse(path)) throw new Error(`another daemon answers on ${path}`);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    unlinkSync(path);
  } catch {
    // none left over
  }
  const server = createServer((conn) => {
    let buf = '';
    conn.setEncoding('utf8');
    conn.on('data', (d: string) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      let reply: unknown;
      try {
        reply = handle(buf.slice(0, nl).trim());
      } catch (e) {
        reply = { error: (e as Error).message };
      }
      conn.end(`${JSON.stringify(reply)}\n`);
    });
    conn.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return server;
}

export function stopControl(server: Server, path: string): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    try {
      unlinkSync(path);
    } catch {
      // gone
    }
  });
}
