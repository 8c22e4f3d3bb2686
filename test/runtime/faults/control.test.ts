/**
 * The control socket fed garbage (src/runtime/control/server.ts): bytes that are no request,
 * a request far too long, more connections than it serves, a client that connects and says
 * nothing, one that never reads its reply. No crash, bounded memory, a clear log line (thinned
 * out), and a normal client is still answered afterwards.
 */
import { statSync } from 'node:fs';
import { createConnection, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { request } from '../../../src/runtime/control/client.js';
import { startControl, stopControl } from '../../../src/runtime/control/server.js';
import { tempDir, waitingLogger } from './helpers.js';

const tmp = tempDir('kaconf-hd-ctl-');
afterAll(tmp.remove);
let n = 0;
const open: { server: Server; path: string }[] = [];
const clients: Socket[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const o of open.splice(0)) await stopControl(o.server, o.path);
});

/** a big status, as a daemon with many instances gives */
const BIG = { instances: Array.from({ length: 20_000 }, (_, i) => ({ name: `VI_${i}`, state: 'BACKUP', note: 'x'.repeat(40) })) };

async function control(opts: Parameters<typeof startControl>[2] = {}) {
  const path = join(tmp.dir, `c${n++}.sock`);
  const { logger, lines, waitFor } = waitingLogger();
  const server = await startControl(
    path,
    (req) => {
      if (req === 'status' || req === '') return { ok: true };
      if (req === 'big') return BIG;
      throw new Error('unknown request (the only request is: status)');
    },
    { logger, ...opts },
  );
  open.push({ server, path });
  return { path, logger, server, waitFor, warnings: () => lines.filter((l) => l.level === 'warning').map((l) => l.message) };
}

/** send raw bytes, collect the whole answer (until the server closes) */
function raw(path: string, data: Buffer | string, endInput = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = createConnection(path);
    clients.push(c);
    let out = '';
    c.on('connect', () => {
      c.write(data);
      if (endInput) c.end();
    });
    c.on('data', (d) => (out += d.toString()));
    c.on('close', () => resolve(out));
    c.on('error', reject);
  });
}

const connected = (path: string): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const c = createConnection(path);
    clients.push(c);
    c.on('connect', () => resolve(c));
    c.on('error', reject);
  });
const closed = (c: Socket): Promise<void> => new Promise((resolve) => (c.destroyed ? resolve() : c.on('close', () => resolve())));

describe('the control socket fed garbage', () => {
  it('is a Unix socket with mode 0600', async () => {
    const { path } = await control();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(path).isSocket()).toBe(true);
  });

  it('binary garbage and unknown requests: an error reply, a log line with the request made printable and short', async () => {
    const { path, warnings } = await control();
    const bytes = Buffer.from([0x00, 0xff, 0xfe, 0x1b, 0x5b, 0x32, 0x4a, 0x41, 0x0a]);
    expect(JSON.parse(await raw(path, bytes))).toEqual({ error: 'unknown request (the only request is: status)' });
    expect(JSON.parse(await raw(path, `${'A'.repeat(100)}\n`))).toEqual({ error: 'unknown request (the only request is: status)' });
    expect(warnings()).toEqual([
      "control socket: refused request '????[2JA': unknown request (the only request is: status) (1 so far)",
      `control socket: refused request '${'A'.repeat(40)}…': unknown request (the only request is: status) (2 so far)`,
    ]);
    expect(await request(path, 'status')).toEqual({ ok: true });
  });

  it('a request longer than the limit is refused without being kept, also when it never ends', async () => {
    const { path, warnings } = await control({ maxRequestBytes: 4096 });
    const before = process.memoryUsage().rss;
    const c = await connected(path);
    let reply = '';
    c.on('data', (d) => (reply += d.toString()));
    const chunk = Buffer.alloc(64 << 10, 0x41);
    for (let i = 0; i < 512 && !c.destroyed && c.writable; i++) if (!c.write(chunk)) await new Promise((r) => c.once('drain', r).once('close', r));
    await closed(c);
    expect(JSON.parse(reply)).toEqual({ error: 'request too long (more than 4096 bytes)' });
    expect(process.memoryUsage().rss - before).toBeLessThan(64 << 20);
    expect(warnings()).toEqual(['control socket: a request longer than 4096 bytes was refused (1 so far)']);
    expect(await request(path, 'status')).toEqual({ ok: true });
  });

  it('a request without its newline is served when the client ends its input', async () => {
    const { path } = await control();
    expect(JSON.parse(await raw(path, 'status', true))).toEqual({ ok: true });
    expect(await raw(path, '', true)).toBe('');
  });

  it('a client that connects and says nothing is dropped after the idle time', async () => {
    const { path, warnings } = await control({ idleMs: 200 });
    const c = await connected(path);
    await closed(c); // the server closes it
    expect(warnings()).toEqual(['control socket: a client sent no complete request within 0.2 s; connection closed (1 so far)']);
  });

  it('a client that never reads a big reply is dropped; the daemon is not held', async () => {
    const { path, warnings, waitFor } = await control({ idleMs: 300 });
    const c = await connected(path);
    c.pause(); // never reads
    c.write('big\n');
    await waitFor(/did not read its reply/);
    c.resume(); // the client sees the end of what was sent, then the close
    await closed(c);
    expect(warnings()).toEqual(['control socket: a client did not read its reply within 0.3 s; connection closed (1 so far)']);
    expect(await request(path, 'status')).toEqual({ ok: true });
  });

  it('more connections than it serves: the extra ones are closed at once, logged once per power of two; the rest still answered', async () => {
    const { path, warnings } = await control({ maxConnections: 8, idleMs: 5000 });
    const held = await Promise.all(Array.from({ length: 8 }, () => connected(path)));
    const extra = await Promise.all(Array.from({ length: 20 }, () => connected(path)));
    await Promise.all(extra.map(closed));
    expect(warnings()).toEqual([1, 2, 4, 8, 16].map((k) => `control socket: more than 8 connections at once; new ones are closed (${k} so far)`));
    for (const c of held) c.destroy();
    await Promise.all(held.map(closed));
    // served again once the held ones are gone
    for (let i = 0; i < 5; i++) expect(await request(path, 'status')).toEqual({ ok: true });
  });

  it('stop does not wait for a client that holds its connection', async () => {
    const { path, server } = await control({ idleMs: 60_000 });
    const c = await connected(path);
    c.pause();
    c.write('big\n');
    const t0 = Date.now();
    await stopControl(server, path);
    open.pop();
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
