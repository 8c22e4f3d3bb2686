/**
 * Plan files that are not what they should be: cut short, empty, another kind of JSON, a plan
 * from a newer kaconf, one that does not validate. `kaconf run` refuses them with a message
 * saying which (exit 2); on SIGHUP the running plan is kept and the log says why. The daemon
 * for the SIGHUP test runs a plan with virtual servers only (--ipvs=record), so no root is needed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadPlanOrConf } from '../../../src/runtime/load.js';
import { request } from '../../../src/runtime/control/client.js';
import { kaconf } from '../../helpers/cli.js';
import { ROOT } from '../../helpers/paths.js';
import { tempDir } from './helpers.js';

const tmp = tempDir('kaconf-hd-plan-');
afterAll(tmp.remove);
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

const CONF = `global_defs {
    router_id lb
}
virtual_server 10.0.0.1 80 {
    lb_algo rr
    lb_kind NAT
    protocol TCP
    real_server 127.0.0.1 8080 {
        weight 1
    }
}
`;

let n = 0;
function file(name: string, text: string): string {
  const f = join(tmp.dir, `${n++}-${name}`);
  writeFileSync(f, text);
  return f;
}
function compiled(): string {
  const out = join(tmp.dir, `${n++}-plan.json`);
  const r = kaconf(['compile', file('lb.conf', CONF), '-o', out]);
  if (r.status !== 0) throw new Error(r.stderr);
  return out;
}
const load = (path: string, expect?: 'plan' | 'conf') => loadPlanOrConf(path, { version: [2, 3, 2] }, expect ? { expect } : {});

describe('plan files that are not right', () => {
  const good = () => readFileSync(compiled(), 'utf8');

  it('cut short: the message says the JSON ends too early', () => {
    const text = good();
    const r = load(file('cut.json', text.slice(0, Math.floor(text.length / 2))));
    expect(r).toMatchObject({ ok: false, exit: 2 });
    expect(!r.ok && r.message).toMatch(/^.*cut\.json is not a valid plan: the JSON ends too early \(\d+ bytes; the file looks cut short\)$/);
  });

  it('empty, or not JSON at all, while a plan is expected (a .json name, or a reload of a plan)', () => {
    expect(load(file('empty.json', ''))).toMatchObject({ ok: false, exit: 2, message: expect.stringMatching(/empty\.json is not a valid plan: the file is empty$/) });
    expect(load(file('conf.json', CONF))).toMatchObject({ ok: false, exit: 2, message: expect.stringMatching(/is not a valid plan: it is not JSON/) });
    expect(load(file('plan', CONF), 'plan')).toMatchObject({ ok: false, exit: 2, message: expect.stringMatching(/is not a valid plan: it is not JSON/) });
    expect(load(file('garbage.json', '{"kind": "kaconf.plan", x}'))).toMatchObject({ ok: false, exit: 2, message: expect.stringMatching(/is not a valid plan: not JSON \(/) });
  });

  it('another kind of JSON', () => {
    expect(load(file('array.json', '[1, 2]'))).toMatchObject({ ok: false, message: expect.stringMatching(/is not a kaconf plan: the JSON is not an object$/) });
    expect(load(file('ast.json', '{"global_defs": {}}'))).toMatchObject({ ok: false, exit: 2, message: expect.stringMatching(/is not a kaconf plan: it has no "kind" \(a plan has "kind": "kaconf.plan"; kaconf compile writes one\)$/) });
    expect(load(file('other.json', '{"kind": "kaconf.lint", "version": 1}'))).toMatchObject({ ok: false, exit: 2, message: expect.stringMatching(/is not a kaconf plan: its kind is "kaconf.lint", not "kaconf.plan"$/) });
  });

  it('a plan from a newer kaconf (version 2): says so, and what to do', () => {
    const plan = JSON.parse(good()) as { version: number };
    plan.version = 2;
    const r = load(file('v2.json', JSON.stringify(plan)));
    expect(r).toMatchObject({ ok: false, exit: 2 });
    expect(!r.ok && r.message).toMatch(/v2\.json is a version 2 plan, written by a newer kaconf; this kaconf runs version 1 plans \(compile the config again with this kaconf, or upgrade it\)$/);
    expect(load(file('v0.json', JSON.stringify({ ...plan, version: '1' })))).toMatchObject({ ok: false, message: expect.stringMatching(/its version is "1", not 1$/) });
  });

  it('a plan that does not validate lists the problems', () => {
    const plan = JSON.parse(good()) as Record<string, unknown>;
    delete plan.instances;
    expect(load(file('invalid.json', JSON.stringify(plan)))).toMatchObject({ ok: false, exit: 2, message: expect.stringMatching(/is not a valid kaconf plan:\n {2}\/: must have required property 'instances'/) });
  });

  it('kaconf run refuses each of them with exit 2 and the message', () => {
    const text = good();
    const cases: [string, RegExp][] = [
      [file('cut.json', text.slice(0, 100)), /the JSON ends too early/],
      [file('v2.json', text.replace('"version": 1', '"version": 2')), /is a version 2 plan, written by a newer kaconf/],
      [file('kind.json', '{"kind": "something"}'), /its kind is "something"/],
    ];
    for (const [f, re] of cases) {
      const r = kaconf(['run', f, '--dry-run']);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(re);
    }
  });

  it('kaconf compile -o writes mode 0600, also over an existing world-readable file', () => {
    const out = file('existing.json', '{}');
    chmodSync(out, 0o644);
    expect(kaconf(['compile', file('lb.conf', CONF), '-o', out]).status).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });
});

describe('SIGHUP with a bad plan', () => {
  /** wait for a line on the child's stderr (the daemon's log) */
  function lines(c: ChildProcess) {
    let buf = '';
    const waiters: { re: RegExp; resolve: (l: string) => void }[] = [];
    c.stderr!.on('data', (d: Buffer) => {
      buf += d.toString();
      for (const w of [...waiters]) {
        const line = buf.split('\n').find((l) => w.re.test(l));
        if (line) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    });
    return {
      all: () => buf,
      waitFor: (re: RegExp, ms = 15_000): Promise<string> => {
        const line = buf.split('\n').find((l) => re.test(l));
        if (line) return Promise.resolve(line);
        return new Promise((resolve, reject) => {
          const t = setTimeout(() => reject(new Error(`no line ${re} within ${ms} ms:\n${buf}`)), ms);
          waiters.push({ re, resolve: (l) => (clearTimeout(t), resolve(l)) });
        });
      },
    };
  }

  it('keeps running the plan it has and logs why; a good plan is then taken', async () => {
    const plan = compiled();
    const good = readFileSync(plan, 'utf8');
    const control = join(tmp.dir, 'hup.sock');
    const c = spawn(process.execPath, [join(ROOT, 'bin/kaconf.js'), 'run', plan, '--control', control, '--ipvs=record', '--ipvs-record', join(tmp.dir, 'hup.rec')], { stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(c);
    const log = lines(c);
    await log.waitFor(/kaconf run .*control/);
    const sha = ((await request(control, 'status')) as { plan: { sha256: string } }).plan.sha256;

    writeFileSync(plan, good.slice(0, good.length / 3));
    c.kill('SIGHUP');
    expect(await log.waitFor(/reload refused/)).toMatch(/ERROR\s+reload refused, still running the previous plan: .*plan\.json is not a valid plan: the JSON ends too early/);

    writeFileSync(plan, good.replace('"version": 1', '"version": 2'));
    c.kill('SIGHUP');
    await log.waitFor(/reload refused.*version 2 plan/);

    writeFileSync(plan, CONF); // a keepalived.conf where the plan was: not read as a config
    c.kill('SIGHUP');
    await log.waitFor(/reload refused.*it is not JSON/);

    const st = (await request(control, 'status')) as { plan: { sha256: string }; ipvs: { virtualServers: unknown[] } };
    expect(st.plan.sha256).toBe(sha);
    expect(st.ipvs.virtualServers).toHaveLength(1);

    writeFileSync(plan, good);
    c.kill('SIGHUP');
    await log.waitFor(/reloaded .*: 0 kept/);
    const exited = new Promise<number | null>((resolve) => c.on('exit', (code) => resolve(code)));
    c.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log.all()).not.toMatch(/TypeError|at .*\.js:\d+/);
  });
});
