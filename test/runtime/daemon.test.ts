/** The daemon (imperative shell) against fake drivers: no root, no sockets, a manual clock. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/compile/plan.js';
import { Daemon } from '../../src/runtime/daemon.js';
import { buildIpv4Datagram, encode, makeAdvert } from '../../src/runtime/vrrp/packet.js';
import { fakeDrivers } from './fakes.js';
import { SECURE, instance, peerAdvert, planOf as sharedPlanOf, sentAdverts, started, tempDir } from './faults/helpers.js';

const tmp = tempDir('kaconf-rn-daemon-');
afterAll(tmp.remove);
const planOf = (body: string, globals = ''): Plan => sharedPlanOf(tmp.dir, body, globals);

describe('daemon', () => {
  it('a lone backup becomes MASTER after Master_Down_Interval: advert, VIP, GARPs, notify, state file', async () => {
    const { d, st } = await started(planOf(instance('    notify_master /usr/bin/true\n    notify "/usr/bin/logger -t vrrp"'), SECURE));
    expect(st().state).toBe('BACKUP');
    expect(d.logger.lines.map((l) => l.message)).toContain('(VI_1) Entering BACKUP STATE (init)');
    await d.clock.advance(3600);
    expect(st().state).toBe('BACKUP'); // 3 s + (256-100)/256 s = 3.609 s
    await d.clock.advance(10);
    expect(st().state).toBe('MASTER');
    expect(d.logger.lines.map((l) => l.message)).toContain('(VI_1) Entering MASTER STATE');
    expect(sentAdverts(d)[0]).toMatchObject({ priority: 100, dst: '224.0.0.18', src: '10.0.0.2' });
    expect(d.net.has('eth0', '10.0.0.100/24')).toBe(true);
    expect(d.net.announced).toEqual(Array(5).fill('10.0.0.100'));
    expect(d.scripts.notified).toContainEqual(['/usr/bin/true']);
    expect(d.scripts.notified).toContainEqual(['/usr/bin/logger', '-t', 'vrrp', 'INSTANCE', 'VI_1', 'MASTER', '100']);
    expect(d.state.records).toEqual([{ instance: 'VI_1', dev: 'eth0', address: '10.0.0.100', prefix: 24, family: 'ipv4' }]);
    await d.clock.advance(1000);
    expect(sentAdverts(d)).toHaveLength(2);
    await d.clock.advance(4000); // garp_master_delay: a second burst
    expect(d.net.announced).toHaveLength(10);
    expect(st().lastTransition).toMatchObject({ from: 'BACKUP', to: 'MASTER' });
    expect(st().advertsSent).toBe(6);
  });

  it('a backup hearing a better master stays BACKUP and counts the advert', async () => {
    const { d, st } = await started(planOf(instance()));
    for (let i = 0; i < 10; i++) {
      d.transport.deliver('eth0', peerAdvert(150));
      await d.clock.advance(1000);
    }
    expect(st()).toMatchObject({ state: 'BACKUP', masterAddress: '10.0.0.1', advertsReceived: 10, advertsSent: 0 });
    expect(d.net.has('eth0', '10.0.0.100/24')).toBe(false);
  });

  it('SIGTERM path: a master sends priority 0 and removes its VIPs; the state file empties', async () => {
    const { daemon, d } = await started(planOf(instance()));
    await d.clock.advance(4000);
    expect(d.net.has('eth0', '10.0.0.100/24')).toBe(true);
    await daemon.stop();
    expect(sentAdverts(d).at(-1)!.priority).toBe(0);
    expect(d.net.has('eth0', '10.0.0.100/24')).toBe(false);
    expect(d.state.records).toEqual([]);
    expect(d.transport.open_.every((o) => o.closed)).toBe(true);
  });

  it('removes VIPs a killed earlier run left, and only those', async () => {
    const d = fakeDrivers();
    d.net.addrs.get('eth0')!.add('10.0.0.100/24');
    d.net.addrs.get('eth0')!.add('10.0.0.50/24');
    d.state.records = [{ instance: 'VI_1', dev: 'eth0', address: '10.0.0.100', prefix: 24, family: 'ipv4' }];
    await started(planOf(instance()), d);
    expect(d.net.has('eth0', '10.0.0.100/24')).toBe(false);
    expect(d.net.has('eth0', '10.0.0.50/24')).toBe(true);
    expect(d.state.records).toEqual([]);
  });

  it('invalid packets are dropped, counted by reason, and never change the state', async () => {
    const { d, st, daemon } = await started(planOf(instance('    authentication {\n        auth_type PASS\n        auth_pass Secr3tPw\n    }', 'VI_1', 51, 150)));
    await d.clock.advance(4000);
    expect(st().state).toBe('MASTER');
    const good = peerAdvert(200, { pass: 'Secr3tPw' });
    const badChecksum = Buffer.from(good);
    badChecksum[27] ^= 0xff;
    d.transport.deliver('eth0', badChecksum);
    d.transport.deliver('eth0', peerAdvert(200, { pass: 'Secr3tPw', ttl: 64 }));
    d.transport.deliver('eth0', peerAdvert(200, { pass: 'wrong' }));
    d.transport.deliver('eth0', peerAdvert(200, { pass: 'Secr3tPw', vrid: 99 }));
    d.transport.deliver('eth0', peerAdvert(200, { pass: 'Secr3tPw', addresses: ['10.0.0.7'] }));
    d.transport.deliver('eth0', peerAdvert(255, { pass: 'Secr3tPw', src: '10.0.0.3' }));
    d.transport.deliver('eth0', good.subarray(0, 30));
    d.transport.deliver('eth0', Buffer.from([0x45]));
    await d.clock.advance(3000);
    const s = st();
    expect(s.state).toBe('MASTER');
    expect(s.invalid).toMatchObject({ 'bad-checksum': 1, 'bad-ttl': 1, 'auth-failure': 1, 'vip-missing': 1, 'false-owner': 1 });
    expect(s.invalid['bad-length'] ?? s.invalid['address-count-mismatch']).toBe(1);
    expect(daemon.status(1).unmatched.eth0).toMatchObject({ 'unknown-vrid': 1 });
    // the password is in no log line and not in the status
    expect(JSON.stringify(d.logger.lines)).not.toContain('Secr3tPw');
    expect(JSON.stringify(daemon.status(1))).not.toContain('Secr3tPw');
    // a valid better advert is still taken
    d.transport.deliver('eth0', good);
    await d.clock.advance(10);
    expect(st().state).toBe('BACKUP');
  });

  it('never throws on arbitrary bytes', async () => {
    const { d, st } = await started(planOf(instance()));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        d.transport.deliver('eth0', Buffer.from(bytes));
        d.transport.deliver('eth0', Buffer.concat([peerAdvert(150).subarray(0, 20), Buffer.from(bytes)]));
      }),
      { numRuns: 500 },
    );
    expect(st().advertsReceived).toBe(0);
  });

  it('track_interface: link down means FAULT (priority 0 from a master), link up means BACKUP again', async () => {
    const { d, st } = await started(planOf(instance('    notify_fault /usr/bin/true'), SECURE));
    await d.clock.advance(4000);
    expect(st().state).toBe('MASTER');
    const sent = sentAdverts(d).length;
    d.links.set('eth0', false);
    await d.clock.advance(1);
    expect(st().state).toBe('FAULT');
    expect(st().faults).toEqual(['interface eth0']);
    expect(sentAdverts(d).slice(sent).map((a) => a.priority)).toContain(0);
    expect(d.net.has('eth0', '10.0.0.100/24')).toBe(false);
    expect(d.scripts.notified).toContainEqual(['/usr/bin/true']);
    d.links.set('eth0', true);
    await d.clock.advance(1);
    expect(st().state).toBe('BACKUP');
  });

  it('track_interface with a weight changes the priority instead', async () => {
    const d = fakeDrivers({ eth0: '10.0.0.2', eth1: '10.1.0.2' });
    const { st } = await started(planOf(instance('    track_interface {\n        eth1 weight -30\n    }')), d);
    expect(st().effectivePriority).toBe(100);
    d.links.set('eth1', false);
    expect(st().effectivePriority).toBe(70);
    expect(st().state).toBe('BACKUP');
  });

  it('vrrp_script: weight, rise and fall; weight 0 means fault', async () => {
    const text =
      `vrrp_script chk {\n    script "/usr/bin/chk --x"\n    interval 2\n    weight -20\n    fall 2\n    rise 2\n}\n` +
      `vrrp_script hard {\n    script /usr/bin/hard\n    interval 1\n}\n` +
      instance('    track_script {\n        chk\n        hard\n    }');
    const d = fakeDrivers();
    const { st } = await started(planOf(text, SECURE), d);
    expect(st().effectivePriority).toBe(100);
    d.scripts.results.set('/usr/bin/chk', false);
    await d.clock.advance(2001);
    expect(st().effectivePriority).toBe(100); // fall 2: one failure is not enough
    await d.clock.advance(2000);
    expect(st().effectivePriority).toBe(80);
    d.scripts.results.set('/usr/bin/chk', true);
    await d.clock.advance(2000);
    expect(st().effectivePriority).toBe(80); // rise 2
    await d.clock.advance(2000);
    expect(st().effectivePriority).toBe(100);
    d.scripts.results.set('/usr/bin/hard', false);
    await d.clock.advance(1000);
    expect(st().state).toBe('FAULT');
    expect(st().faults).toEqual(['script hard']);
    d.scripts.results.set('/usr/bin/hard', true);
    await d.clock.advance(1000);
    expect(st().state).toBe('BACKUP');
    expect(d.scripts.checks.filter((c) => c === '/usr/bin/chk').length).toBeGreaterThan(4);
  });

  it('vrrp_sync_group: a fault in one member takes the other to FAULT too', async () => {
    const text = `vrrp_sync_group G {\n    group {\n        VI_1\n        VI_2\n    }\n}\n` + instance('', 'VI_1', 51) + instance('    track_interface {\n        eth1\n    }', 'VI_2', 52).replace('10.0.0.100/24', '10.0.0.101/24');
    const d = fakeDrivers({ eth0: '10.0.0.2', eth1: '10.1.0.2' });
    const daemon = new Daemon(planOf(text), d);
    await daemon.start();
    await d.clock.advance(4000);
    const states = () => Object.fromEntries(daemon.status(1).instances.map((i) => [i.name, i.state]));
    expect(states()).toEqual({ VI_1: 'MASTER', VI_2: 'MASTER' });
    d.links.set('eth1', false);
    await d.clock.advance(1);
    expect(states()).toEqual({ VI_1: 'FAULT', VI_2: 'FAULT' });
    expect(d.net.has('eth0', '10.0.0.100/24')).toBe(false);
    expect(daemon.status(1).syncGroups).toEqual([{ name: 'G', state: 'FAULT', members: ['VI_1', 'VI_2'] }]);
  });

  it('nopreempt: a higher-priority backup leaves a running master alone', async () => {
    const { d, st } = await started(planOf(instance('    nopreempt', 'VI_1', 51, 200)));
    for (let i = 0; i < 8; i++) {
      d.transport.deliver('eth0', peerAdvert(100));
      await d.clock.advance(1000);
    }
    expect(st().state).toBe('BACKUP');
  });

  it('reload keeps an unchanged instance untouched and restarts a changed one', async () => {
    const one = planOf(instance() + instance('', 'VI_2', 52).replace('10.0.0.100/24', '10.0.0.101/24'));
    const two = planOf(instance() + instance('', 'VI_2', 52, 120).replace('10.0.0.100/24', '10.0.0.101/24'));
    const { daemon, d } = await started(one);
    await d.clock.advance(4000);
    const before = daemon.status(1).instances.find((i) => i.name === 'VI_1')!;
    const r = await daemon.reload(two);
    expect(r).toMatchObject({ kept: ['VI_1'], restarted: ['VI_2'] });
    const after = daemon.status(1);
    expect(after.instances.find((i) => i.name === 'VI_1')).toMatchObject({ state: 'MASTER', lastTransition: before.lastTransition });
    expect(after.instances.find((i) => i.name === 'VI_2')).toMatchObject({ state: 'BACKUP', priority: 120 });
    expect(d.net.has('eth0', '10.0.0.100/24')).toBe(true);
    expect(d.net.has('eth0', '10.0.0.101/24')).toBe(false);
    // the removed instance's VIP goes on a later reload without it
    await daemon.reload(planOf(instance()));
    expect(daemon.status(1).instances.map((i) => i.name)).toEqual(['VI_1']);
  });

  it('unicast: adverts go to each peer with the configured source; only peers are heard with check_unicast_src', async () => {
    const plan = planOf(instance('    unicast_src_ip 10.0.0.2\n    check_unicast_src\n    unicast_peer {\n        10.0.0.1\n        10.0.0.9\n    }', 'VI_1', 51, 150));
    const { d, st } = await started(plan);
    await d.clock.advance(4000);
    expect(sentAdverts(d).slice(0, 2).map((a) => a.dst)).toEqual(['10.0.0.1', '10.0.0.9']);
    const uni = (src: string) => {
      const a = makeAdvert({ version: 2, vrid: 51, addresses: ['10.0.0.100'], advertIntervalMs: 1000 }, 200);
      return buildIpv4Datagram(encode(a, { family: 'ipv4', srcAddress: src, dstAddress: '10.0.0.2' }), { srcAddress: src, dstAddress: '10.0.0.2', ttl: 64 });
    };
    d.transport.deliver('eth0', uni('10.0.0.5'));
    await d.clock.advance(1);
    expect(st()).toMatchObject({ state: 'MASTER', invalid: { 'not-a-peer': 1 } });
    d.transport.deliver('eth0', uni('10.0.0.1'));
    await d.clock.advance(1);
    expect(st().state).toBe('BACKUP');
  });
});
