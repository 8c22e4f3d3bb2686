/**
 * The pool as keepalived's ipwrapper.c keeps it: checker verdicts in, ipvsadm commands and
 * notify scripts out, in order. inhibit_on_failure, alpha, quorum with hysteresis and the sorry
 * server, misc_dynamic weights.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileFile } from '../../../src/compile/index.js';
import type { PlanVirtualServer } from '../../../src/compile/plan.js';
import { ipvsadmLine } from '../../../src/runtime/ipvs/ipvsadm-args.js';
import { Pool, type PoolEffect } from '../../../src/runtime/ipvs/pool.js';

const dir = mkdtempSync(join(tmpdir(), 'kaconf-iv-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function vsOf(body: string): PlanVirtualServer {
  const f = join(dir, `c${n++}.conf`);
  writeFileSync(f, `global_defs {\n    router_id lb\n    enable_script_security\n    script_user root\n}\n${body}`);
  const r = compileFile(f, { version: [2, 3, 2] });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)));
  return r.plan.ipvs!.virtualServers[0]!;
}
/** effects as short lines: the ipvsadm command, or `notify ARGV` */
const lines = (effects: PoolEffect[]): string[] =>
  effects.flatMap((e) => (e.kind === 'ipvs' ? [ipvsadmLine(e.command).replace('ipvsadm ', '')] : e.kind === 'notify' ? [`notify ${e.command.argv.join(' ')}`] : []));
const logs = (effects: PoolEffect[]): string[] => effects.flatMap((e) => (e.kind === 'log' ? [e.message] : []));

const server = (addr: string, extra = '') => `    real_server ${addr} 80 {\n${extra}        notify_up "/bin/echo up ${addr}"\n        notify_down "/bin/echo down ${addr}"\n        TCP_CHECK {\n        }\n    }\n`;

describe('pool', () => {
  it('a server going down is removed and comes back on success; inhibit_on_failure makes it weight 0 instead', () => {
    const p = new Pool(vsOf(`virtual_server 10.0.0.1 80 {\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n${server('192.168.0.2')}${server('192.168.0.3', '        inhibit_on_failure\n        weight 4\n')}}\n`));
    expect(lines(p.init())).toEqual(['-A -t 10.0.0.1:80 -s rr', '-a -t 10.0.0.1:80 -r 192.168.0.2:80 -m -w 1', '-a -t 10.0.0.1:80 -r 192.168.0.3:80 -m -w 4']);
    // first successes change nothing (the servers started alive)
    expect(lines(p.checkerResult(0, 0, true))).toEqual([]);
    expect(lines(p.checkerResult(0, 0, false))).toEqual(['-d -t 10.0.0.1:80 -r 192.168.0.2:80', 'notify /bin/echo down 192.168.0.2']);
    expect(lines(p.checkerResult(1, 0, false))).toEqual(['-e -t 10.0.0.1:80 -r 192.168.0.3:80 -m -w 0', 'notify /bin/echo down 192.168.0.3']);
    expect(lines(p.checkerResult(1, 0, true))).toEqual(['-e -t 10.0.0.1:80 -r 192.168.0.3:80 -m -w 4', 'notify /bin/echo up 192.168.0.3']);
    expect(lines(p.checkerResult(0, 0, true))).toEqual(['-a -t 10.0.0.1:80 -r 192.168.0.2:80 -m -w 1', 'notify /bin/echo up 192.168.0.2']);
    expect(p.status([]).realServers.map((r) => [r.alive, r.weight])).toEqual([
      [true, 1],
      [true, 4],
    ]);
  });

  it('two checkers on one server: it goes down with the first failure and up when both succeed', () => {
    const vs = vsOf(`virtual_server 10.0.0.1 80 {\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n    real_server 192.168.0.2 80 {\n        TCP_CHECK {\n        }\n        TCP_CHECK {\n            connect_port 81\n        }\n    }\n}\n`);
    const p = new Pool(vs);
    p.init();
    expect(lines(p.checkerResult(0, 0, false))).toEqual(['-d -t 10.0.0.1:80 -r 192.168.0.2:80']);
    expect(lines(p.checkerResult(0, 1, false))).toEqual([]);
    expect(lines(p.checkerResult(0, 0, true))).toEqual([]);
    expect(lines(p.checkerResult(0, 1, true))).toEqual(['-a -t 10.0.0.1:80 -r 192.168.0.2:80 -m -w 1']);
  });

  it('alpha: servers start out of the pool; a first failure runs notify_down (TCP), a first success adds them', () => {
    const p = new Pool(vsOf(`virtual_server 10.0.0.1 80 {\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n    alpha\n${server('192.168.0.2')}${server('192.168.0.3')}}\n`));
    expect(lines(p.init())).toEqual(['-A -t 10.0.0.1:80 -s rr']);
    expect(lines(p.checkerResult(0, 0, false))).toEqual(['notify /bin/echo down 192.168.0.2']);
    expect(lines(p.checkerResult(1, 0, true))).toEqual(['-a -t 10.0.0.1:80 -r 192.168.0.3:80 -m -w 1', 'notify /bin/echo up 192.168.0.3']);
  });

  it('quorum with hysteresis: lost below quorum - hysteresis (sorry server in), gained at quorum + hysteresis (sorry server out, servers back)', () => {
    const p = new Pool(
      vsOf(`virtual_server 10.0.0.1 80 {
    lb_algo rr
    lb_kind NAT
    protocol TCP
    quorum 3
    hysteresis 1
    quorum_up "/bin/echo quorum up"
    quorum_down "/bin/echo quorum down"
    sorry_server 192.168.0.99 8080
${server('192.168.0.2', '        weight 2\n')}${server('192.168.0.3', '        weight 2\n')}${server('192.168.0.4', '        weight 2\n')}}
`),
    );
    const init = p.init();
    expect(lines(init)).toEqual([
      '-A -t 10.0.0.1:80 -s rr',
      '-a -t 10.0.0.1:80 -r 192.168.0.2:80 -m -w 2',
      '-a -t 10.0.0.1:80 -r 192.168.0.3:80 -m -w 2',
      '-a -t 10.0.0.1:80 -r 192.168.0.4:80 -m -w 2',
      'notify /bin/echo quorum up',
    ]);
    expect(logs(init)).toContain('Gained quorum 3+1=4 <= 6 for VS [10.0.0.1]:tcp:80');
    // 6 → 4 → 2: still >= quorum - hysteresis = 2
    expect(lines(p.checkerResult(0, 0, false))).toEqual(['-d -t 10.0.0.1:80 -r 192.168.0.2:80', 'notify /bin/echo down 192.168.0.2']);
    expect(lines(p.checkerResult(1, 0, false))).toEqual(['-d -t 10.0.0.1:80 -r 192.168.0.3:80', 'notify /bin/echo down 192.168.0.3']);
    expect(p.quorumUp).toBe(true);
    // 0: quorum lost, the sorry server stands in
    const lost = p.checkerResult(2, 0, false);
    expect(lines(lost)).toEqual(['-d -t 10.0.0.1:80 -r 192.168.0.4:80', 'notify /bin/echo down 192.168.0.4', '-a -t 10.0.0.1:80 -r 192.168.0.99:8080 -m -w 1', 'notify /bin/echo quorum down']);
    expect(logs(lost)).toEqual(expect.arrayContaining(['Lost quorum 3-1=2 > 0 for VS [10.0.0.1]:tcp:80', 'Adding sorry server [192.168.0.99]:tcp:8080 to VS [10.0.0.1]:tcp:80']));
    // a server back: nothing changes in IPVS while the sorry server stands in (2 < quorum + hysteresis = 4)
    expect(lines(p.checkerResult(0, 0, true))).toEqual(['notify /bin/echo up 192.168.0.2']);
    // 4: quorum gained, sorry server out, the alive servers back in
    expect(lines(p.checkerResult(1, 0, true))).toEqual([
      'notify /bin/echo up 192.168.0.3',
      '-d -t 10.0.0.1:80 -r 192.168.0.99:8080',
      '-a -t 10.0.0.1:80 -r 192.168.0.2:80 -m -w 2',
      '-a -t 10.0.0.1:80 -r 192.168.0.3:80 -m -w 2',
      'notify /bin/echo quorum up',
    ]);
    expect(p.status([]).sorryServer).toEqual({ name: '[192.168.0.99]:tcp:8080', active: false, weight: null });
  });

  it('a sorry server with sorry_server_inhibit sits in the table with weight 0; a quorum that starts down puts it in at once', () => {
    const p = new Pool(
      vsOf(`virtual_server 10.0.0.1 80 {\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n    alpha\n    sorry_server 192.168.0.99 80\n    sorry_server_inhibit\n${server('192.168.0.2')}}\n`),
    );
    expect(lines(p.init())).toEqual(['-A -t 10.0.0.1:80 -s rr', '-a -t 10.0.0.1:80 -r 192.168.0.99:80 -m -w 1']);
    expect(lines(p.checkerResult(0, 0, true))).toEqual(['notify /bin/echo up 192.168.0.2', '-e -t 10.0.0.1:80 -r 192.168.0.99:80 -m -w 0', '-a -t 10.0.0.1:80 -r 192.168.0.2:80 -m -w 1']);
  });

  it('misc_dynamic weights edit the server in place and can move the quorum', () => {
    const p = new Pool(vsOf(`virtual_server 10.0.0.1 80 {\n    lb_algo wrr\n    lb_kind DR\n    protocol TCP\n${server('192.168.0.2', '        weight 10\n')}}\n`));
    p.init();
    expect(lines(p.setWeight(0, 42))).toEqual(['-e -t 10.0.0.1:80 -r 192.168.0.2:80 -g -w 42']);
    expect(lines(p.setWeight(0, 42))).toEqual([]);
    expect(lines(p.setWeight(0, -5))).toEqual(['-e -t 10.0.0.1:80 -r 192.168.0.2:80 -g -w 0']);
  });

  it('stopping: omega runs the down notifiers and quorum_down; without omega nothing runs', () => {
    const body = (omega: string) =>
      `virtual_server 10.0.0.1 80 {\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n${omega}    quorum_down "/bin/echo quorum down"\n${server('192.168.0.2')}}\n`;
    const a = new Pool(vsOf(body('    omega\n')));
    a.init();
    expect(lines(a.stop())).toEqual(['notify /bin/echo down 192.168.0.2', 'notify /bin/echo quorum down']);
    const b = new Pool(vsOf(body('')));
    b.init();
    expect(lines(b.stop())).toEqual([]);
  });
});
