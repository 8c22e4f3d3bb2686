/**
 * Checkers against real servers on loopback: HTTP and HTTPS (a self-signed certificate made
 * here with openssl), a TCP listener that goes away and comes back, a MISC_CHECK script that
 * flips. The daemon runs on a fake clock (so every time below is exact); the checks' I/O is
 * real, and each step waits for the checks in flight to finish (no sleeps). The IPVS commands
 * are recorded. Every server, file and process made here is removed afterwards, also when a
 * test fails.
 *
 * The digests are compared with keepalived's own genhash when it is installed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { type Server as HttpServer, createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, type Server, type Socket, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compileFile } from '../../../src/compile/index.js';
import type { Plan, PlanConnection } from '../../../src/compile/plan.js';
import { httpGet, hostOf } from '../../../src/runtime/check/http.js';
import { tcpCheck } from '../../../src/runtime/check/tcp.js';
import { Daemon } from '../../../src/runtime/daemon.js';
import { runProgram } from '../../../src/runtime/ipvs/ipvsadm.js';
import { recordingDriver } from '../../../src/runtime/ipvs/record.js';
import { processScripts } from '../../../src/runtime/scripts/process.js';
import { statusText } from '../../../src/runtime/status-text.js';
import { fakeDrivers } from '../fakes.js';

const dir = mkdtempSync(join(tmpdir(), 'kaconf-iv-real-'));
/** the shell by its real path: keepalived 2.3 refuses a root script whose path goes through a symlinked directory (/bin -> usr/bin) */
const SH = realpathSync('/bin/sh');
chmodSync(dir, 0o755);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function listen(server: Server | HttpServer, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
function close(server: Server | HttpServer): Promise<void> {
  return new Promise((resolve) => {
    (server as HttpServer).closeAllConnections?.();
    server.close(() => resolve());
  });
}
/** a server kept until the end of the test */
async function serve(server: Server | HttpServer, port = 0): Promise<number> {
  const p = await listen(server, port);
  cleanups.push(() => (server.listening ? close(server) : undefined));
  return p;
}
/** a server answering every request with these bytes, as they are */
async function raw(response: string | Buffer): Promise<number> {
  const s = createNetServer((c: Socket) => {
    let buf = '';
    c.on('data', (d) => {
      buf += d.toString('latin1');
      if (buf.includes('\r\n\r\n')) c.end(response);
    });
    c.on('error', () => undefined);
  });
  return serve(s);
}
const conn = (port: number): PlanConnection => ({ address: '127.0.0.1', port, family: 'ipv4', bindAddress: null, bindPort: null, bindInterface: null, timeoutMs: 2000, fwmark: null });
const md5 = (s: string | Buffer): string => createHash('md5').update(s).digest('hex');

let cert: { key: Buffer; cert: Buffer } | undefined;
beforeAll(() => {
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=kaconf-test', '-days', '1'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl could not make a certificate: ${r.stderr}`);
  cert = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
});

const GENHASH = '/usr/bin/genhash';
const haveGenhash = existsSync(GENHASH) && spawnSync(GENHASH, ['-h'], { encoding: 'utf8' }).error === undefined;
if (!haveGenhash) console.log(`keepalived's genhash (${GENHASH}) is not installed: digests are checked against MD5 computed here only`);
/** keepalived's genhash on the same server (null when not installed); asynchronous: the servers live in this process */
async function genhash(port: number, path: string, ssl = false): Promise<string | null> {
  if (!haveGenhash) return null;
  const r = await runProgram(GENHASH, [...(ssl ? ['-S'] : []), '-s', '127.0.0.1', '-p', String(port), '-u', path]);
  return r.stdout.trim();
}

describe('HTTP GET as keepalived reads it (digest, status, Content-Length)', () => {
  it('digests: plain, chunked (not decoded), Content-Length shorter than the body, lower-case content-length; as genhash computes them', async () => {
    const body = 'hello, kaconf\n';
    const plain = await serve(createHttpServer((_q, s) => s.writeHead(200, { 'Content-Length': Buffer.byteLength(body) }).end(body)));
    const chunked = await raw('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7\r\nhello, \r\n7\r\nkaconf\n\r\n0\r\n\r\n');
    const short = await raw(`HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\n${body}`);
    const lower = await raw(`HTTP/1.0 200 OK\r\ncontent-length: 5\r\n\r\n${body}`);
    const cases: [number, string][] = [
      [plain, md5(body)],
      [chunked, md5('7\r\nhello, \r\n7\r\nkaconf\n\r\n0\r\n\r\n')],
      [short, md5('hello')],
      [lower, md5(body)],
    ];
    for (const [port, expected] of cases) {
      const r = await httpGet({ connection: conn(port), path: '/x', host: hostOf(conn(port)), protocol: '1.0' });
      expect(r).toMatchObject({ ok: true, status: 200, digest: expected });
      const oracle = await genhash(port, '/x');
      if (oracle !== null) expect(oracle).toBe(expected);
    }
  });

  it('the request keepalived sends, and status lines keepalived cannot read', async () => {
    let seen = '';
    const s = createNetServer((c) => {
      c.on('data', (d) => {
        seen += d.toString('latin1');
        if (seen.includes('\r\n\r\n')) c.end('HTTP/1.1 204\r\n\r\n');
      });
    });
    const port = await serve(s);
    const r = await httpGet({ connection: conn(port), path: '/health?x=1', host: 'www.example', protocol: '1.1' });
    expect(seen).toBe('GET /health?x=1 HTTP/1.1\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\nHost: www.example\r\n\r\n');
    // no reason phrase: keepalived's extract_status_code gives 0
    expect(r).toMatchObject({ ok: true, status: 0 });
    const none = await raw('garbage without a header end');
    expect(await httpGet({ connection: conn(none), path: '/', host: 'h', protocol: '1.0' })).toMatchObject({ ok: false, stage: 'empty' });
  });

  it('bindto / bind_port: the connection comes from the given address and port', async () => {
    let from = '';
    const s = createNetServer((c) => {
      from = `${c.remoteAddress}:${c.remotePort}`;
      c.end();
    });
    const port = await serve(s);
    const bindPort = 20_000 + (process.pid % 20_000);
    expect(await tcpCheck({ ...conn(port), bindAddress: '127.0.0.2', bindPort })).toMatchObject({ ok: true });
    expect(from).toBe(`127.0.0.2:${bindPort}`);
    expect(await tcpCheck({ ...conn(port), port: 0 })).toEqual({ ok: false, message: 'no port to connect to (port 0) (127.0.0.1:0)' });
  });

  it('IPv6: the Host header carries the address in brackets', async () => {
    let host = '';
    const s = createHttpServer((q, r) => {
      host = q.headers.host ?? '';
      r.writeHead(200).end('v6');
    });
    const port = await new Promise<number>((resolve, reject) => {
      s.once('error', reject);
      s.listen(0, '::1', () => resolve((s.address() as AddressInfo).port));
    }).catch(() => 0);
    if (!port) {
      console.log('no IPv6 loopback here: the IPv6 HTTP check is not tested');
      return;
    }
    cleanups.push(() => close(s));
    const c: PlanConnection = { ...conn(port), address: '::1', family: 'ipv6' };
    expect(await httpGet({ connection: c, path: '/', host: hostOf(c), protocol: '1.0' })).toMatchObject({ ok: true, status: 200, digest: md5('v6') });
    expect(host).toBe(`[::1]:${port}`);
  });

  it('HTTPS with a self-signed certificate (not verified, as keepalived does not); SNI only when asked', async () => {
    let sni: string | undefined = 'unset';
    const srv = createHttpsServer({ ...cert! }, (q, s) => {
      sni = (q.socket as { servername?: string | false }).servername || undefined;
      s.writeHead(200, { 'Content-Length': 3 }).end('ok\n');
    });
    const port = await serve(srv);
    const r = await httpGet({ connection: conn(port), path: '/', host: hostOf(conn(port)), protocol: '1.0', tls: {} });
    expect(r).toMatchObject({ ok: true, status: 200, digest: md5('ok\n') });
    expect(sni).toBeUndefined();
    const oracle = await genhash(port, '/', true);
    if (oracle !== null) expect(oracle).toBe(md5('ok\n'));
    await httpGet({ connection: conn(port), path: '/', host: 'sni.example', protocol: '1.0', tls: { servername: 'sni.example' } });
    expect(sni).toBe('sni.example');
    // the SSL block's certificate and key are offered to a server that asks for one
    let peer = '';
    const asks = createHttpsServer({ ...cert!, requestCert: true, rejectUnauthorized: false }, (q, r) => {
      peer = String((q.socket as import('node:tls').TLSSocket).getPeerCertificate().subject?.CN ?? '');
      r.writeHead(200).end();
    });
    const p2 = await serve(asks);
    expect(await httpGet({ connection: conn(p2), path: '/', host: 'h', protocol: '1.0', tls: { ...cert! } })).toMatchObject({ ok: true, status: 200 });
    expect(peer).toBe('kaconf-test');
  });
});

// ----- the daemon, end to end -------------------------------------------------------------------

let n = 0;
function planOf(text: string): Plan {
  const f = join(dir, `c${n++}.conf`);
  writeFileSync(f, text);
  const r = compileFile(f, { version: [2, 3, 2] });
  if (!r.ok) throw new Error(JSON.stringify([...r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), ...(r.errors ?? [])]));
  return r.plan;
}

async function daemonFor(plan: Plan) {
  const d = fakeDrivers();
  const ipvs = recordingDriver({ clock: d.clock, path: join(dir, `rec${n}.log`) });
  const scripts = processScripts(d.logger, plan.global.scriptUser);
  const daemon = new Daemon(plan, { ...d, ipvs, scripts, random: () => 0 });
  await daemon.start();
  cleanups.push(() => daemon.stop());
  const lvs = daemon.ipvs!;
  const runTo = async (t: number): Promise<void> => {
    for (;;) {
      const next = d.clock.nextDeadline();
      if (next === undefined || next > t) break;
      await d.clock.advance(next - d.clock.now());
      await lvs.idle();
    }
    await d.clock.advance(t - d.clock.now());
    await lvs.idle();
  };
  /** the changes after the initial batch that name this server, as "TIME COMMAND" */
  const changes = (server: string) =>
    ipvs.records.filter((r) => !r.batch && r.line.includes(`-r ${server}`)).map((r) => `${r.at} ${r.line.replace(/^ipvsadm /, '').replace(/ -[tf] \S+/, '')}`);
  return { daemon, d, ipvs, runTo, changes };
}

describe('checkers against real servers, on a fake clock', () => {
  it('HTTP_GET, TCP_CHECK and MISC_CHECK: up → down → up, with the timing of delay_loop, retry and delay_before_retry', async () => {
    let healthy = true;
    const http = await serve(createHttpServer((_q, s) => (healthy ? s.writeHead(200).end('up\n') : s.writeHead(503).end('down\n'))));
    let tcpServer = createNetServer((c) => c.end());
    const tcp = await serve(tcpServer);
    const state = join(dir, 'misc-state');
    writeFileSync(state, '0');
    const script = join(dir, 'flip.sh');
    writeFileSync(script, '#!/bin/sh\nexit "$(cat "$1")"\n');
    const plan = planOf(`global_defs {
    router_id lb
    enable_script_security
    script_user root
}
virtual_server 10.0.0.1 80 {
    lb_algo rr
    lb_kind NAT
    protocol TCP
    delay_loop 1
    real_server 127.0.0.1 ${http} {
        HTTP_GET {
            url {
                path /health
                status_code 200
            }
            retry 1
            delay_before_retry 0.5
            connect_timeout 2
        }
    }
    real_server 127.0.0.1 ${tcp} {
        TCP_CHECK {
            retry 0
            connect_timeout 2
        }
    }
    real_server 127.0.0.1 7 {
        MISC_CHECK {
            misc_path "${SH} ${script} ${state}"
            misc_timeout 5
        }
    }
}
`);
    const t = await daemonFor(plan);
    expect(t.ipvs.records.filter((r) => r.batch).map((r) => r.line)).toEqual([
      'ipvsadm -A -t 10.0.0.1:80 -s rr',
      `ipvsadm -a -t 10.0.0.1:80 -r 127.0.0.1:${http} -m -w 1`,
      `ipvsadm -a -t 10.0.0.1:80 -r 127.0.0.1:${tcp} -m -w 1`,
      'ipvsadm -a -t 10.0.0.1:80 -r 127.0.0.1:7 -m -w 1',
    ]);
    // the fake clock starts at 1000; first checks at 2000 (bootstrap delay), all healthy
    await t.runTo(2500);
    expect(t.ipvs.records.filter((r) => !r.batch)).toEqual([]);

    healthy = false;
    await close(tcpServer);
    writeFileSync(state, '1');
    await t.runTo(3900);
    // TCP and MISC (retry 0) go down at their next check; HTTP retries once after 0.5 s
    expect(t.changes(`127.0.0.1:${tcp}`)).toEqual([`3000 -d -r 127.0.0.1:${tcp}`]);
    expect(t.changes('127.0.0.1:7')).toEqual(['3000 -d -r 127.0.0.1:7']);
    expect(t.changes(`127.0.0.1:${http}`)).toEqual([`3500 -d -r 127.0.0.1:${http}`]);

    healthy = true;
    tcpServer = createNetServer((c) => c.end());
    await serve(tcpServer, tcp);
    writeFileSync(state, '0');
    await t.runTo(6000);
    expect(t.changes(`127.0.0.1:${tcp}`)).toEqual([`3000 -d -r 127.0.0.1:${tcp}`, `4000 -a -r 127.0.0.1:${tcp} -m -w 1`]);
    expect(t.changes('127.0.0.1:7')).toEqual(['3000 -d -r 127.0.0.1:7', '4000 -a -r 127.0.0.1:7 -m -w 1']);
    // HTTP: the failed url answers at 4500, then every url is checked once more (5500) before it is up
    expect(t.changes(`127.0.0.1:${http}`)).toEqual([`3500 -d -r 127.0.0.1:${http}`, `5500 -a -r 127.0.0.1:${http} -m -w 1`]);

    const status = t.daemon.status(1);
    expect(status.ipvs!.virtualServers[0]!.realServers.map((r) => [r.alive, r.weight])).toEqual([
      [true, 1],
      [true, 1],
      [true, 1],
    ]);
    expect(statusText(status)).toContain(`  real server [127.0.0.1]:tcp:7: UP  (weight 1; configured 1)\n    MISC_CHECK ${SH} ${script} ${state}  up; last: ok at ${new Date(t.d.clock.wall()).toISOString()}: ${SH} exited with status 0\n`);
    // the file holds the same commands, one a line with a timestamp
    const file = readFileSync(join(dir, `rec${n}.log`), 'utf8').trim().split('\n');
    expect(file).toHaveLength(t.ipvs.records.length);
    expect(file[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z ipvsadm -A -t 10\.0\.0\.1:80 -s rr$/);
  });

  it('quorum loss → sorry server (SSL_GET with a digest, TCP_CHECK), quorum back → servers back; inhibit_on_failure', async () => {
    let body = 'hello\n';
    const https = await serve(createHttpsServer({ ...cert! }, (_q, s) => s.writeHead(200, { 'Content-Length': Buffer.byteLength(body) }).end(body)));
    const tcpServer = createNetServer((c) => c.end());
    const tcp = await serve(tcpServer);
    const plan = planOf(`global_defs {
    router_id lb
}
virtual_server 10.0.0.2 443 {
    lb_algo wrr
    lb_kind NAT
    protocol TCP
    delay_loop 2
    quorum 3
    sorry_server 127.0.0.1 9443
    real_server 127.0.0.1 ${https} {
        weight 2
        SSL_GET {
            url {
                path /
                digest ${md5('hello\n')}
            }
            retry 0
            delay_before_retry 1
        }
    }
    real_server 127.0.0.1 ${tcp} {
        inhibit_on_failure
        TCP_CHECK {
            retry 0
        }
    }
}
`);
    const t = await daemonFor(plan);
    await t.runTo(2500);
    expect(t.ipvs.records.filter((r) => !r.batch)).toEqual([]);
    expect(t.daemon.status(1).ipvs!.virtualServers[0]).toMatchObject({ quorumUp: true, aliveWeight: 3 });

    // the page changes: digest error, the server goes; quorum 3 > 1 is lost and the sorry server comes in
    body = 'changed\n';
    await t.runTo(4500);
    const lines = t.ipvs.records.filter((r) => !r.batch).map((r) => `${r.at} ${r.line.replace(/^ipvsadm /, '')}`);
    expect(lines).toEqual([
      `4000 -d -t 10.0.0.2:443 -r 127.0.0.1:${https}`,
      // the inhibited server stays in the table with weight 0 while the sorry server stands in
      `4000 -e -t 10.0.0.2:443 -r 127.0.0.1:${tcp} -m -w 0`,
      '4000 -a -t 10.0.0.2:443 -r 127.0.0.1:9443 -m -w 1',
    ]);
    expect(t.daemon.status(1).ipvs!.virtualServers[0]).toMatchObject({ quorumUp: false, sorryServer: { active: true, weight: 1 } });
    expect(t.d.logger.lines.map((l) => l.message)).toContain('Lost quorum 3-0=3 > 1 for VS [10.0.0.2]:tcp:443');

    // the page is right again: it answers at 6000 (max(delay_before_retry, delay_loop) after the failure),
    // then keepalived checks every url once more (8000) before the server is up
    body = 'hello\n';
    await t.runTo(8500);
    expect(t.ipvs.records.filter((r) => !r.batch).slice(3).map((r) => `${r.at} ${r.line.replace(/^ipvsadm /, '')}`)).toEqual([
      '8000 -d -t 10.0.0.2:443 -r 127.0.0.1:9443',
      `8000 -a -t 10.0.0.2:443 -r 127.0.0.1:${https} -m -w 2`,
      `8000 -e -t 10.0.0.2:443 -r 127.0.0.1:${tcp} -m -w 1`,
    ]);
    expect(t.daemon.status(1).ipvs!.virtualServers[0]).toMatchObject({ quorumUp: true, sorryServer: { active: false } });

    // stopping removes the service it created
    await t.daemon.stop();
    expect(t.ipvs.records.at(-1)!.line).toBe('ipvsadm -D -t 10.0.0.2:443');
    expect(t.ipvs.tableLines()).toEqual([]);
  });
});
