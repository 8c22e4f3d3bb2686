import { describe, expect, it } from 'vitest';
import { macBytes, unsolicitedNa } from '../../../src/runtime/net/ndisc.js';

describe('unsolicited neighbour advertisement (RFC 4861 4.4)', () => {
  it('type 136, Override set, the VIP as target, the MAC in a target link-layer address option', () => {
    const na = unsolicitedNa('2001:db8::100', macBytes('02:00:00:aa:bb:cc'), false);
    // type, code, checksum (the kernel's) | R S O + reserved | target | option 2, 1 × 8 octets, MAC
    expect(na.toString('hex')).toBe(['88000000', '20000000', '20010db8000000000000000000000100', '0201', '020000aabbcc'].join(''));
  });

  it('Router set when the interface forwards; no option without a MAC', () => {
    const na = unsolicitedNa('fe80::1', undefined, true);
    expect(na.length).toBe(24);
    expect(na[4]).toBe(0xa0);
    expect(na.subarray(8).toString('hex')).toBe('fe800000000000000000000000000001');
  });

  it('refuses a target that is not IPv6; reads only well-formed MACs', () => {
    expect(() => unsolicitedNa('10.0.0.1', undefined, false)).toThrow(/not an IPv6 address/);
    expect(macBytes('00:00:00:00:00:00')).toEqual(new Uint8Array(6));
    expect(macBytes('02:00:00:aa:bb')).toBeUndefined();
    expect(macBytes('')).toBeUndefined();
  });
});

describe('sendUnsolicitedNa', () => {
  it('an interface that does not exist: a rejection naming it, nothing thrown', async () => {
    const { sendUnsolicitedNa } = await import('../../../src/runtime/transport/raw.js');
    await expect(sendUnsolicitedNa('kaconf-none0', '2001:db8::1')).rejects.toThrow(/neighbour advertisement on kaconf-none0: interface kaconf-none0 does not exist|raw-socket package is not usable/);
  });
});
