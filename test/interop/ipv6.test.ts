/**
 * kaconf run against keepalived 2.2.7 over IPv6 (VRRPv3, ff02::12, adverts from the link-local
 * addresses), in the interop lab (harness.ts): each side hears the other's adverts, kaconf takes
 * over the IPv6 VIP when keepalived is killed, and keepalived takes over at once when kaconf
 * stops (it read kaconf's priority-0 advert).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Lab as LabT, Lab, interopUnavailable } from './harness.js';
import { eventually } from './scenarios.js';

const why = interopUnavailable();
if (why) console.log(`IPv6 interop tests skipped: ${why}`);

const VIP6 = '2001:db8::100/64';
const conf = (state: 'MASTER' | 'BACKUP', priority: number): string =>
  [
    'global_defs {',
    `    router_id ${state.toLowerCase()}${priority}`,
    '}',
    'vrrp_instance VI_6 {',
    `    state ${state}`,
    '    interface eth0',
    '    virtual_router_id 61',
    '    version 3',
    `    priority ${priority}`,
    '    advert_int 0.1',
    '    virtual_ipaddress {',
    `        ${VIP6}`,
    '    }',
    '}',
    '',
  ].join('\n');

const labs: LabT[] = [];
afterEach(async () => {
  while (labs.length) await labs.pop()!.down();
});

describe.skipIf(!!why)('interop with keepalived 2.2.7 over IPv6 (VRRPv3)', () => {
  it('keepalived MASTER is SIGKILLed: kaconf takes the IPv6 VIP; kaconf stops: keepalived takes over from its priority-0 advert', async () => {
    const l = new Lab();
    labs.push(l);
    l.up();
    const ka = l.keepalived('a', conf('MASTER', 150));
    await ka.proc.waitFor(/Entering MASTER STATE/, 15_000);
    const kc = l.kaconf('b', conf('BACKUP', 100));
    // kaconf hears keepalived's IPv6 adverts and stays backup
    const heard = await kc.until((s) => s.instances[0]?.state === 'BACKUP' && (s.instances[0]?.advertsReceived ?? 0) >= 5, 15_000);
    expect(heard.instances[0]!.masterAddress).toMatch(/^fe80::/);
    expect(l.addresses('b')).not.toContain(VIP6);

    ka.kill9();
    await kc.until((s) => s.instances[0]?.state === 'MASTER' && s.instances[0]?.vipsHeld === true, 5_000);
    await eventually(() => l.addresses('b').includes(VIP6), `${VIP6} on b`, 5_000);

    // keepalived again, below kaconf: it must hear kaconf's adverts and stay backup
    const ka2 = l.keepalived('a', conf('BACKUP', 50), 'a2');
    await ka2.proc.waitFor(/Entering BACKUP STATE/, 15_000);
    const before = (await kc.status()).instances[0]!.advertsSent;
    // a few of kaconf's adverts later (0.1 s apart): keepalived's Master_Down_Interval (0.38 s) has passed
    await kc.until((s) => s.instances[0]!.advertsSent >= before + 10, 5_000);
    expect(ka2.proc.lines.some((x) => /Entering MASTER STATE/.test(x.text))).toBe(false);

    const stopped = Date.now();
    await kc.term();
    const master = await ka2.proc.waitFor(/Entering MASTER STATE/, 5_000);
    // from kaconf's priority-0 advert keepalived waits Skew_Time (0.08 s); had it not read that
    // advert, it would wait Master_Down_Interval after the last one: 0.28 s or more after the signal
    console.log(`IPv6: keepalived master ${master.at - stopped} ms after SIGTERM to kaconf`);
    expect(master.at - stopped).toBeLessThan(250);
    expect(l.addresses('b')).not.toContain(VIP6);
  }, 60_000);
});
