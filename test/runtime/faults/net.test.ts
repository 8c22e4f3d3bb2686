/**
 * Fault injection on the host side, with fake drivers (no root): iproute2 failing or slow, the
 * interface deleted and created again while MASTER, peers flapping on every advert, a killed
 * run's VIPs (and a state file that cannot be read). Each gives a clear log line and the
 * daemon's state stays right: VIPs on the host exactly while MASTER, the state file listing
 * what is on the host, no timer or queue growing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Daemon } from '../../../src/runtime/daemon.js';
import { memoryLogger } from '../../../src/runtime/log.js';
import { fakeDrivers, FakeClock, FakeLinks, FakeScripts, FakeTransport } from '../fakes.js';
import { SECURE, instance, messages, peerAdvert, planOf, sentAdverts, started, tempDir } from './helpers.js';

const tmp = tempDir('kaconf-hd-net-');
afterAll(tmp.remove);
const plan = (extra = '', priority = 100) => planOf(tmp.dir, instance(extra, 'VI_1', 51, priority));
const VIP = '10.0.0.100/24';

describe('iproute2 failing', () => {
  it('a MASTER whose VIP cannot be added says so, retries every advert interval (log lines thinned out), and announces it once added', async () => {
    const d = fakeDrivers();
    d.net.fail.add = 'RTNETLINK answers: Operation not permitted';
    const { st } = await started(plan(), d);
    await d.clock.advance(3610);
    expect(st()).toMatchObject({ state: 'MASTER', vipsHeld: false, vipsMissing: [VIP] });
    expect(messages(d, 'error')).toEqual([
      `(VI_1) MASTER without its virtual address: adding ${VIP} on eth0: RTNETLINK answers: Operation not permitted failed; trying again every 1 s (attempt 1)`,
    ]);
    expect(d.net.announced).toEqual([]); // nothing to announce yet
    const sent = sentAdverts(d).length;
    await d.clock.advance(10_000);
    // still MASTER, still advertising; attempts 2, 4, 8 logged, not all ten
    expect(st().state).toBe('MASTER');
    expect(sentAdverts(d).length - sent).toBe(10);
    expect(messages(d, 'error').map((m) => /attempt (\d+)/.exec(m)?.[1])).toEqual(['1', '2', '4', '8']);
    expect(d.state.records).toEqual([]);
    delete d.net.fail.add;
    await d.clock.advance(1000);
    expect(st()).toMatchObject({ state: 'MASTER', vipsHeld: true, vipsMissing: [] });
    expect(d.net.has('eth0', VIP)).toBe(true);
    expect(messages(d).filter((m) => m.includes('virtual addresses set'))).toEqual([expect.stringMatching(/^\(VI_1\) virtual addresses set: 10\.0\.0\.100\/24 \(after 1\d attempts\)$/)]);
    expect(d.net.announced.length).toBeGreaterThan(0);
    expect(d.state.records).toHaveLength(1);
    // no retry left armed: only the advert timer (and the GARP refresh ones) remain
    await d.clock.advance(10_000);
    expect(d.clock.pending()).toBeLessThanOrEqual(3);
  });

  it('a failed add is not retried once the instance is BACKUP again', async () => {
    const d = fakeDrivers();
    d.net.fail.add = 'RTNETLINK answers: Operation not permitted';
    const { st } = await started(plan(), d);
    await d.clock.advance(3610);
    d.transport.deliver('eth0', peerAdvert(200));
    await d.clock.advance(1);
    expect(st()).toMatchObject({ state: 'BACKUP', vipsMissing: [] });
    const errors = messages(d, 'error').length;
    delete d.net.fail.add;
    for (let i = 0; i < 5; i++) {
      d.transport.deliver('eth0', peerAdvert(200));
      await d.clock.advance(1000);
    }
    expect(d.net.log).toEqual([]); // never added behind the machine's back
    expect(messages(d, 'error')).toHaveLength(errors);
  });

  it('a VIP that cannot be removed stays in the state file and is retried while BACKUP', async () => {
    const d = fakeDrivers();
    const { st } = await started(plan(), d);
    await d.clock.advance(3610);
    expect(d.net.has('eth0', VIP)).toBe(true);
    d.net.fail.remove = 'RTNETLINK answers: Operation not permitted';
    d.transport.deliver('eth0', peerAdvert(200));
    await d.clock.advance(1);
    expect(st().state).toBe('BACKUP');
    expect(messages(d, 'error')).toEqual([`(VI_1) removing ${VIP} from eth0: RTNETLINK answers: Operation not permitted failed; trying again every 1 s (attempt 1)`]);
    expect(d.state.records).toHaveLength(1); // still ours, still on the host
    for (let i = 0; i < 9; i++) {
      d.transport.deliver('eth0', peerAdvert(200));
      await d.clock.advance(1000);
    }
    expect(messages(d, 'error').map((m) => /attempt (\d+)/.exec(m)?.[1])).toEqual(['1', '2', '4', '8']);
    delete d.net.fail.remove;
    await d.clock.advance(1000);
    expect(d.net.has('eth0', VIP)).toBe(false);
    expect(d.state.records).toEqual([]);
  });

  it('a VIP that cannot be removed at stop is left in the state file for the next run', async () => {
    const d = fakeDrivers();
    const { daemon } = await started(plan(), d);
    await d.clock.advance(3610);
    d.net.fail.remove = 'RTNETLINK answers: Operation not permitted';
    await daemon.stop();
    expect(messages(d, 'error').at(-1)).toBe(`(VI_1) removing ${VIP} from eth0: RTNETLINK answers: Operation not permitted failed; left in the state file for the next run`);
    expect(d.state.records).toEqual([{ instance: 'VI_1', dev: 'eth0', address: '10.0.0.100', prefix: 24, family: 'ipv4' }]);
    // the next run removes it
    delete d.net.fail.remove;
    const next = fakeDrivers();
    const again = new Daemon(plan(), { ...next, net: d.net, state: d.state });
    await again.start();
    expect(d.net.has('eth0', VIP)).toBe(false);
    expect(messages(next)).toContain('removed 10.0.0.100/24 from eth0, left by an earlier run (VI_1)');
  });
});

describe('iproute2 slow', () => {
  it('adverts and state changes do not wait for iproute2; the VIP follows the latest state', async () => {
    const d = fakeDrivers();
    d.net.delayMs = 3000;
    const { st } = await started(plan(), d);
    await d.clock.advance(3610); // MASTER; the add takes until 6.61 s
    expect(st().state).toBe('MASTER');
    await d.clock.advance(900);
    expect(sentAdverts(d).length).toBe(1); // the advert went out on time
    d.transport.deliver('eth0', peerAdvert(200)); // BACKUP while the add is still running
    await d.clock.advance(1);
    expect(st().state).toBe('BACKUP');
    // the better master goes on advertising; the add finishes at 6.61 s, the removal follows at once
    for (let i = 0; i < 2; i++) {
      await d.clock.advance(1000);
      d.transport.deliver('eth0', peerAdvert(200));
    }
    await d.clock.advance(200);
    expect(d.net.log).toEqual([`add ${VIP} eth0`]);
    expect(d.net.inFlight).toBe(1); // the removal
    for (let i = 0; i < 3; i++) {
      await d.clock.advance(1000);
      d.transport.deliver('eth0', peerAdvert(200));
    }
    expect(st().state).toBe('BACKUP');
    expect(d.net.inFlight).toBe(0);
    expect(d.net.has('eth0', VIP)).toBe(false);
    expect(d.net.log).toEqual([`add ${VIP} eth0`, `del ${VIP} eth0`]);
    expect(d.state.records).toEqual([]);
  });

  it('flapping faster than iproute2 answers: one change at a time, no queue growth, the right end state', async () => {
    const d = fakeDrivers();
    d.net.delayMs = 2500;
    const { st } = await started(plan(), d);
    let maxInFlight = 0;
    let maxPending = 0;
    for (let i = 0; i < 200; i++) {
      // a better peer, then its priority-0 release: BACKUP, then MASTER after the skew time
      d.transport.deliver('eth0', peerAdvert(200));
      await d.clock.advance(100);
      d.transport.deliver('eth0', peerAdvert(0));
      await d.clock.advance(700); // MASTER after the skew time, 0.609 s
      maxInFlight = Math.max(maxInFlight, d.net.inFlight);
      maxPending = Math.max(maxPending, d.clock.pending());
    }
    expect(maxInFlight).toBe(1);
    expect(maxPending).toBeLessThanOrEqual(8);
    // quiet: it stays MASTER and ends up holding the VIP
    await d.clock.advance(10_000);
    expect(st().state).toBe('MASTER');
    expect(d.net.has('eth0', VIP)).toBe(true);
    expect(d.state.records).toHaveLength(1);
    // the peer takes over for good: the VIP goes
    for (let i = 0; i < 10; i++) {
      d.transport.deliver('eth0', peerAdvert(200));
      await d.clock.advance(1000);
    }
    expect(st().state).toBe('BACKUP');
    expect(d.net.has('eth0', VIP)).toBe(false);
    expect(d.state.records).toEqual([]);
  });
});

describe('the interface deleted and created again while MASTER', () => {
  const drivers = () => fakeDrivers();
  const deleteEth0 = (d: ReturnType<typeof drivers>) => {
    d.transport.missing.add('eth0');
    d.net.deleteLink('eth0');
    d.links.set('eth0', false);
  };
  const createEth0 = (d: ReturnType<typeof drivers>, address = '10.0.0.2') => {
    d.transport.missing.delete('eth0');
    d.net.createLink('eth0', address);
    d.links.set('eth0', true);
  };

  it('goes FAULT (priority 0 tried, its failure logged), forgets the VIP that went with the interface, then BACKUP on a new socket', async () => {
    const d = drivers();
    const { st, daemon } = await started(plan(), d);
    await d.clock.advance(3610);
    expect(st().state).toBe('MASTER');
    const sockets = d.transport.open_.length;
    deleteEth0(d);
    await d.clock.advance(1);
    expect(st()).toMatchObject({ state: 'FAULT', faults: ['interface eth0'], vipsHeld: false });
    expect(messages(d)).toContain('(VI_1) Entering FAULT STATE');
    // keepalived sends priority 0 twice when the fault is the instance's own: both fail, one line each (1, then 2: powers of two)
    expect(messages(d, 'error')).toEqual(['socket on eth0 (ipv4): send: No such device or address (1 so far)', 'socket on eth0 (ipv4): send: No such device or address (2 so far)']);
    expect(d.state.records).toEqual([]);
    await d.clock.advance(10_000);
    expect(st().state).toBe('FAULT');
    expect(d.clock.pending()).toBe(0); // nothing runs while the interface is gone
    createEth0(d);
    await d.clock.advance(1);
    expect(st()).toMatchObject({ state: 'BACKUP', faults: [] });
    expect(d.transport.open_.length).toBe(sockets + 1);
    expect(d.transport.live('eth0')).toBe(1);
    expect(messages(d)).toContain('VRRP socket on eth0 (ipv4) opened again (eth0 came back)');
    // a master on the other side is heard on the new socket: the normal election
    for (let i = 0; i < 6; i++) {
      d.transport.deliver('eth0', peerAdvert(150));
      await d.clock.advance(1000);
    }
    expect(st()).toMatchObject({ state: 'BACKUP', masterAddress: '10.0.0.1' });
    // the peer goes: MASTER again, the VIP on the new interface
    await d.clock.advance(4000);
    expect(st().state).toBe('MASTER');
    expect(d.net.has('eth0', VIP)).toBe(true);
    await daemon.stop();
    expect(d.net.has('eth0', VIP)).toBe(false);
  });

  it('created again with another address: adverts go out from the new one', async () => {
    const d = drivers();
    const { st } = await started(plan(), d);
    await d.clock.advance(3610);
    deleteEth0(d);
    await d.clock.advance(1);
    createEth0(d, '10.0.0.7');
    await d.clock.advance(4000);
    expect(st()).toMatchObject({ state: 'MASTER', address: '10.0.0.7' });
    expect(sentAdverts(d).at(-1)!.src).toBe('10.0.0.7');
    expect(messages(d)).toContain('(VI_1) adverts now go out from 10.0.0.7, the ipv4 address eth0 has now (was 10.0.0.2)');
  });

  it('an interface missing at start: FAULT with a clear line, and running once it appears', async () => {
    const clock = new FakeClock();
    const d = { ...fakeDrivers(), clock, transport: new FakeTransport(clock), links: new FakeLinks(), scripts: new FakeScripts(), logger: memoryLogger() };
    d.net.useClock(clock);
    d.transport.missing.add('eth0');
    d.net.deleteLink('eth0');
    d.links.up.set('eth0', false);
    const daemon = new Daemon(plan(), d);
    await daemon.start();
    const st = () => daemon.status(1).instances[0]!;
    expect(st().state).toBe('FAULT');
    expect(d.logger.lines.map((l) => l.message)).toContain('(VI_1) cannot open a VRRP socket on eth0: interface eth0 does not exist; the instance stays in FAULT until it can');
    d.transport.missing.delete('eth0');
    d.net.createLink('eth0', '10.0.0.2');
    d.links.set('eth0', true);
    await clock.advance(4000);
    expect(st().state).toBe('MASTER');
    expect(d.net.has('eth0', VIP)).toBe(true);
  });
});

describe('peers flapping on every advert', () => {
  it('no crash, no timer leak, state and VIPs consistent after 1000 flaps', async () => {
    const d = fakeDrivers();
    const { st } = await started(planOf(tmp.dir, instance('    garp_master_refresh 2\n    notify "/usr/bin/logger -t vrrp"'), SECURE), d);
    const pending: number[] = [];
    for (let i = 0; i < 1000; i++) {
      // each advert from the peer alternates between a better priority and a priority-0 release,
      // and between two source addresses
      d.transport.deliver('eth0', peerAdvert(i % 2 ? 0 : 200, { src: i % 4 < 2 ? '10.0.0.1' : '10.0.0.3' }));
      await d.clock.advance(1000);
      pending.push(d.clock.pending());
    }
    expect(Math.max(...pending)).toBeLessThanOrEqual(6);
    expect(pending.slice(-100).every((p) => p === pending.at(-1) || p === pending.at(-2))).toBe(true);
    expect(messages(d).filter((m) => m === '(VI_1) Entering MASTER STATE').length).toBeGreaterThanOrEqual(499);
    const s = st();
    expect(s.state === 'MASTER' || s.state === 'BACKUP').toBe(true);
    expect(d.net.has('eth0', VIP)).toBe(s.state === 'MASTER');
    expect(d.state.records.length).toBe(s.state === 'MASTER' ? 1 : 0);
    // the notify script ran on each change and did not pile anything up in the daemon
    expect(d.scripts.notified.length).toBeGreaterThan(900);
  });
});

describe('a killed run, then a new one', () => {
  it('the new run removes what the killed one left (from the state file), then runs normally', async () => {
    const first = fakeDrivers();
    await started(plan(), first);
    await first.clock.advance(3610);
    expect(first.net.has('eth0', VIP)).toBe(true);
    // SIGKILL: no stop(); the host (net) and the state file stay as they were
    const second = { ...fakeDrivers(), net: first.net, state: first.state };
    const { st } = await started(plan(), second);
    expect(messages(second)).toContain('removed 10.0.0.100/24 from eth0, left by an earlier run (VI_1)');
    expect(first.net.has('eth0', VIP)).toBe(false);
    expect(st().state).toBe('BACKUP');
    await second.clock.advance(3610);
    expect(st().state).toBe('MASTER');
    expect(first.net.has('eth0', VIP)).toBe(true);
  });

  it('a state file that cannot be read: the error says so, and the plan VIPs found on the host are removed instead (keepalived does so at start)', async () => {
    const d = fakeDrivers();
    d.net.addrs.get('eth0')!.add(VIP);
    d.net.addrs.get('eth0')!.add('10.0.0.50/24');
    d.state.load = () => {
      throw new Error('/run/kaconf/kaconf.state.json is not JSON (Unexpected end of JSON input)');
    };
    await started(plan(), d);
    expect(messages(d, 'error')).toEqual([
      'the state file cannot be read (/run/kaconf/kaconf.state.json is not JSON (Unexpected end of JSON input)): which VIPs an earlier run left is unknown; removing this plan\'s VIPs found on their interfaces instead',
    ]);
    expect(d.net.has('eth0', VIP)).toBe(false);
    expect(d.net.has('eth0', '10.0.0.50/24')).toBe(true);
  });

  it('when the addresses cannot be listed the removal is tried anyway; a removal that fails stays in the state file', async () => {
    const d = fakeDrivers();
    d.net.addrs.get('eth0')!.add(VIP);
    d.state.records = [
      { instance: 'VI_1', dev: 'eth0', address: '10.0.0.100', prefix: 24, family: 'ipv4' },
      { instance: 'VI_9', dev: 'eth0', address: '10.0.0.101', prefix: 24, family: 'ipv4' },
    ];
    d.net.fail.list = 'Cannot send dump request: Connection refused';
    await started(plan(), d);
    expect(d.net.has('eth0', VIP)).toBe(false);
    expect(d.state.records).toEqual([]); // 10.0.0.101 was not there: nothing to keep

    const e = fakeDrivers();
    e.net.addrs.get('eth0')!.add(VIP);
    e.state.records = [{ instance: 'VI_1', dev: 'eth0', address: '10.0.0.100', prefix: 24, family: 'ipv4' }];
    e.net.fail.remove = 'RTNETLINK answers: Operation not permitted';
    await started(plan(), e);
    expect(messages(e, 'error')).toContain('could not remove 10.0.0.100/24 from eth0, left by an earlier run (VI_1): RTNETLINK answers: Operation not permitted; kept in the state file');
    expect(e.state.records).toEqual([{ instance: 'VI_1', dev: 'eth0', address: '10.0.0.100', prefix: 24, family: 'ipv4' }]);
  });
});
