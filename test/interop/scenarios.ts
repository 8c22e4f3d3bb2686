/**
 * Failover scenarios in the interop lab (harness.ts), shared by the interop tests
 * (test/interop/vrrp.test.ts: limits asserted) and the benchmarks (bench/runtime.ts: medians
 * compared with keepalived's). The master runs on `a` (10.0.0.1, priority 150), the backup on
 * `b` (10.0.0.2, priority 100); either can be keepalived or `kaconf run`.
 *
 * Times come from the switch's capture (tcpdump timestamps: adverts and gratuitous ARPs) and from
 * `ip monitor address` in the backup's namespace (when the VIP appeared on its interface); all
 * three clocks are the host's.
 */
import assert from 'node:assert/strict';
import { VIP, config, type Variant } from './configs.js';
import { type Kaconf, type Keepalived, type Lab, type Packet, addressAdded } from './harness.js';

export type Impl = 'kaconf' | 'keepalived';
export type Router = { kind: 'keepalived'; h: Keepalived } | { kind: 'kaconf'; h: Kaconf };

export const isAdvertFrom = (addr: string, vrid = 51) => (p: Packet) => p.src === addr && p.vrrp?.vrid === vrid;
export const isGarpFrom = (port: string, vip = VIP) => (p: Packet) => p.port === port && p.garp === vip;
export const hasVip = (addrs: string[], vip = VIP): boolean => addrs.includes(`${vip}/24`);

/** poll until cond holds (addresses change a few ms after the log line or packet that announces them) */
export async function eventually(cond: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** the last advert of `from` captured before time t */
export function lastAdvertBefore(l: Lab, t: number, from: string): Packet {
  const ads = l.packets().filter((p) => p.t < t && isAdvertFrom(from)(p));
  const last = ads[ads.length - 1];
  if (!last) throw new Error(`no advert from ${from} captured`);
  return last;
}

export function startRouter(l: Lab, kind: Impl, at: 'a' | 'b', conf: string, tag: string = at): Router {
  return kind === 'kaconf' ? { kind, h: l.kaconf(at, conf, tag) } : { kind, h: l.keepalived(at, conf, tag) };
}

export interface FailoverOptions {
  /** how the master on `a` is stopped */
  signal: 'SIGKILL' | 'SIGTERM';
  master: Impl;
  backup: Impl;
}

export interface Failover {
  /**
   * seconds from the reference advert to the VIP on the backup's interface; the reference is the
   * master's last advert (SIGKILL) or its priority-0 advert (SIGTERM)
   */
  toVipS: number;
  /** the same, to the backup's first gratuitous ARP for the VIP */
  toGarpS: number;
  /** seconds from the signal (sent by this process) to the VIP on the backup's interface */
  signalToVipS: number;
  master: Router;
  backup: Router;
}

/**
 * Master 150 on `a`, backup 100 on `b`, both settled (the backup has heard adverts, only the master
 * holds the VIP); then the master is stopped with `signal` and the backup takes over. The lab
 * keeps running afterwards (the caller's `down()` stops it).
 */
export async function failover(l: Lab, v: Variant, o: FailoverOptions): Promise<Failover> {
  if (!l.capture) await l.startCapture();
  const master = startRouter(l, o.master, 'a', config({ at: 'a', state: 'MASTER', priority: 150 }, v));
  await l.waitPacket((p) => isAdvertFrom('10.0.0.1')(p) && p.vrrp!.prio === 150, 15_000);
  if (master.kind === 'kaconf') await master.h.until((s) => s.instances[0]?.state === 'MASTER' && s.instances[0]!.vipsHeld, 10_000);
  const backup = startRouter(l, o.backup, 'b', config({ at: 'b', state: 'BACKUP', priority: 100 }, v));
  if (backup.kind === 'kaconf') {
    await backup.h.until((s) => s.instances[0]?.state === 'BACKUP' && s.instances[0]?.masterAddress === '10.0.0.1' && s.instances[0]!.advertsReceived > 1, 15_000);
  } else {
    await backup.h.proc.waitFor(/Entering BACKUP STATE/, 15_000);
    // a few adverts reach the backup before we stop the master
    await l.waitPacket(isAdvertFrom('10.0.0.1'), 5000, l.capture!.mark);
  }
  await eventually(() => hasVip(l.addresses('a')), 'the master holds the VIP');
  assert.equal(hasVip(l.addresses('b')), false, 'the backup holds no VIP');
  const monitor = await l.monitorAddresses('b');

  const mark = l.capture!.mark;
  const monitorMark = monitor.mark;
  const signalAt = Date.now() / 1000;
  if (o.signal === 'SIGKILL') {
    if (master.kind === 'keepalived') master.h.kill9();
    else master.h.proc.child.kill('SIGKILL');
  } else if (master.kind === 'keepalived') {
    await master.h.term();
  } else {
    const code = await master.h.term();
    assert.equal(code, 0, 'kaconf exits 0 on SIGTERM');
    assert.equal(hasVip(l.addresses('a')), false, 'kaconf removed its VIP on SIGTERM');
    await master.h.proc.waitFor(/"event":"stopped"/, 1000);
  }
  const waitMs = (3 * v.advertInt + 1 + 3) * 1000;
  const vipLine = await monitor.waitFor({ test: (t: string) => addressAdded(t, `${VIP}/24`) !== undefined } as RegExp, waitMs, monitorMark);
  const vipAt = addressAdded(vipLine.text, `${VIP}/24`)!;
  const garp = await l.waitPacket(isGarpFrom('pb'), waitMs, mark);
  const reference =
    o.signal === 'SIGKILL'
      ? lastAdvertBefore(l, Math.min(vipAt, garp.t), '10.0.0.1')
      : await l.waitPacket((p) => isAdvertFrom('10.0.0.1')(p) && p.vrrp!.prio === 0, 5000, mark);
  await eventually(() => hasVip(l.addresses('b')), 'the new master holds the VIP');
  if (o.signal === 'SIGTERM') assert.equal(hasVip(l.addresses('a')), false, 'the old master removed its VIP');
  return { toVipS: vipAt - reference.t, toGarpS: garp.t - reference.t, signalToVipS: vipAt - signalAt, master, backup };
}
