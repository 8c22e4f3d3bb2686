/**
 * The built command line: `kaconf run` with virtual servers (refused on a kernel without IPVS,
 * run with --ipvs=record, seen through `kaconf status`), `kaconf run --dry-run`, and
 * `kaconf genhash`. The daemon runs as a child process on the real clock with a short
 * delay_loop; the test waits on the record file's lines with deadlines. Every process, server
 * and file is removed afterwards, also on failure.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { probeIpvs } from '../../../src/runtime/ipvs/probe.js';
import { kaconf } from '../../helpers/cli.js';
import { ROOT } from '../../helpers/paths.js';

const BIN = join(ROOT, 'bin/kaconf.js');
const dir = mkdtempSync(join(tmpdir(), 'kaconf-iv-cli-'));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function httpServer(handler: (path: string) => [number, string]): Promise<number> {
  const s: Server = createServer((q, r) => {
    const [code, body] = handler(q.url ?? '/');
    r.writeHead(code, { 'Content-Length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((res) => s.listen(0, '127.0.0.1', () => res()));
  cleanups.push(() => new Promise<void>((res) => (s.closeAllConnections(), s.close(() => res()))));
  return (s.address() as AddressInfo).port;
}

/** run the built kaconf without blocking this process (the servers it talks to live here) */
function kaconfAsync(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d) => (stdout += d));
    c.stderr.on('data', (d) => (stderr += d));
    c.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

/** wait until a file's lines satisfy a condition (or fail with what was there at the deadline) */
async function waitForLines(file: string, ok: (lines: string[]) => boolean, deadlineMs = 15_000): Promise<string[]> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    if (ok(lines)) return lines;
    if (Date.now() > end) throw new Error(`${file}: condition not met within ${deadlineMs} ms; lines:\n${lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const conf = (port: number, extra = '') => `global_defs {
    router_id lb
}
virtual_server 10.0.0.1 80 {
    lb_algo rr
    lb_kind NAT
    protocol TCP
    delay_loop 0.2
${extra}    real_server 127.0.0.1 ${port} {
        weight 2
        HTTP_GET {
            url {
                path /health
                status_code 200
            }
            retry 0
            delay_before_retry 0.1
            connect_timeout 1
            warmup 0
        }
    }
}
`;

describe('kaconf run with virtual servers', () => {
  it('refuses the plan on a kernel without IPVS, saying why (unless --ipvs=record)', async () => {
    const probe = await probeIpvs();
    if (probe.ok) {
      console.log('this host has IPVS: the refusal is not tested here');
      return;
    }
    const file = join(dir, 'refuse.conf');
    writeFileSync(file, conf(9));
    const r = kaconf(['run', file, '--control', join(dir, 'refuse.sock')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(probe.reason);
    expect(r.stderr).toContain('--ipvs=record --ipvs-record PATH');
    expect(kaconf(['run', file, '--ipvs=record']).status).toBe(2);
  });

  it('--dry-run shows the virtual servers, the checkers and the initial ipvsadm batch', () => {
    const file = join(dir, 'dry.conf');
    writeFileSync(file, conf(8080, '    sorry_server 127.0.0.1 9000\n'));
    const r = kaconf(['run', file, '--dry-run', '--control', join(dir, 'dry.sock')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('virtual server [10.0.0.1]:tcp:80: rr, NAT, quorum 1 (hysteresis 0), sorry server 127.0.0.1:9000');
    expect(r.stdout).toContain('    HTTP_GET: GET /health on 127.0.0.1:8080 every 200 ms (retry 0, delay_before_retry 100 ms, connect_timeout 1000 ms)');
    expect(r.stdout).toContain('IPVS driver ipvsadm; the initial table, as one batch:\n  ipvsadm -A -t 10.0.0.1:80 -s rr\n  ipvsadm -a -t 10.0.0.1:80 -r 127.0.0.1:8080 -m -w 2\n');
  });

  it('--ipvs=record: checks a real server, records each ipvsadm command with a timestamp, shows it in status, removes its service on SIGTERM', async () => {
    let healthy = true;
    const port = await httpServer(() => (healthy ? [200, 'ok'] : [500, 'no']));
    const file = join(dir, 'rec.conf');
    writeFileSync(file, conf(port));
    const record = join(dir, 'ipvs.log');
    const control = join(dir, 'rec.sock');
    const child: ChildProcess = spawn(process.execPath, [BIN, 'run', file, '--control', control, '--state', join(dir, 'rec.state.json'), '--ipvs=record', '--ipvs-record', record], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    });
    const stamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /;
    const start = await waitForLines(record, (l) => l.length >= 2);
    expect(start.map((l) => l.replace(stamp, ''))).toEqual(['ipvsadm -A -t 10.0.0.1:80 -s rr', `ipvsadm -a -t 10.0.0.1:80 -r 127.0.0.1:${port} -m -w 2`]);
    expect(start.every((l) => stamp.test(l))).toBe(true);

    // status once the first check has run
    let status = '';
    for (const end = Date.now() + 10_000; Date.now() < end; ) {
      const r = await kaconfAsync(['status', '--control', control]);
      status = r.stdout;
      if (/HTTP_GET .* up; last: ok/.test(status)) break;
      await new Promise((res) => setTimeout(res, 50));
    }
    expect(status).toContain('virtual server [10.0.0.1]:tcp:80: quorum up');
    expect(status).toContain(`real server [127.0.0.1]:tcp:${port}: UP  (weight 2; configured 2)`);
    expect(status).toMatch(/HTTP_GET {3}\[127\.0\.0\.1\]:tcp:\d+ {2}up; last: ok at .*: HTTP status 200 for \/health/);
    const json = JSON.parse((await kaconfAsync(['status', '--control', control, '--format', 'json'])).stdout);
    expect(json.ipvs).toMatchObject({ driver: 'record', virtualServers: [{ name: '[10.0.0.1]:tcp:80', realServers: [{ alive: true, weight: 2 }] }] });

    healthy = false;
    await waitForLines(record, (l) => l.some((x) => x.endsWith(`ipvsadm -d -t 10.0.0.1:80 -r 127.0.0.1:${port}`)));
    healthy = true;
    await waitForLines(record, (l) => l.filter((x) => x.endsWith(`ipvsadm -a -t 10.0.0.1:80 -r 127.0.0.1:${port} -m -w 2`)).length === 2);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const last = readFileSync(record, 'utf8').trim().split('\n').at(-1)!;
    expect(last.replace(stamp, '')).toBe('ipvsadm -D -t 10.0.0.1:80');
    expect(stderr).toMatch(/HTTP_CHECK on service \[127\.0\.0\.1\]:tcp:\d+ failed: HTTP status code error: 500 for \/health\./);
  });
});

describe('kaconf genhash', () => {
  it('prints the digest of a page (URL or keepalived-style flags); exit 1 when nothing answers, 2 for bad arguments', async () => {
    const body = 'digest me\n';
    const port = await httpServer(() => [200, body]);
    const want = createHash('md5').update(body).digest('hex');
    expect(await kaconfAsync(['genhash', `http://127.0.0.1:${port}/x`])).toMatchObject({ status: 0, stdout: `${want}\n` });
    expect(await kaconfAsync(['genhash', '-s', '127.0.0.1', '-p', String(port), '-u', '/x', '-P', '1.1'])).toMatchObject({ status: 0, stdout: `${want}\n` });
    const verbose = await kaconfAsync(['genhash', `http://127.0.0.1:${port}/x`, '--verbose', '-V', 'www.example']);
    expect(verbose.stdout).toContain('GET /x HTTP/1.0\nUser-Agent: KeepAliveClient\nHost: www.example\n');
    expect(verbose.stdout).toContain(`MD5SUM = ${want}`);
    const down = await kaconfAsync(['genhash', 'http://127.0.0.1:1/']);
    expect(down.status).toBe(1);
    expect(down.stderr).toContain('connection refused');
    expect((await kaconfAsync(['genhash'])).status).toBe(2);
    expect((await kaconfAsync(['genhash', 'ftp://127.0.0.1/'])).status).toBe(2);
  });
});
