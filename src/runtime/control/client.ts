/** Ask a running `kaconf run` over its control socket. */
import { createConnection } from 'node:net';

export function request(path: string, line: string, timeoutMs = 5000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const c = createConnection(path);
    let buf = '';
    const timer = setTimeout(() => {
      c.destroy();
      reject(new Error(`no answer on ${path} within ${timeoutMs} ms`));
    }, timeoutMs);
    c.setEncoding('utf8');
    c.on('connect', () => c.write(`${line}\n`));
    c.on('data', (d: string) => (buf += d));
    c.on('end', () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(buf));
      } catch {
        reject(new Error(`unreadable answer on ${path}`));
      }
    });
    c.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
