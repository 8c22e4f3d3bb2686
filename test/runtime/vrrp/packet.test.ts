import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressText, canonicalAddress, compareAddresses, isMulticast } from '../../../src/runtime/vrrp/address.js';
import {
  type Advert,
  type ChecksumMode,
  type DecodeContext,
  type RejectReason,
  AUTH_PASS,
  advertIntervalMs,
  buildIpv4Datagram,
  decode,
  encode,
  internetChecksum,
  makeAdvert,
  parseIpv4Datagram,
  passAuthData,
  validateAdvert,
} from '../../../src/runtime/vrrp/packet.js';

// Adverts sent by keepalived, captured with tcpdump on the far end of a veth pair in a scratch
// network namespace (IPv4: the whole IP datagram; IPv6: the IPv6 header plus the VRRP packet).
// Sender 10.0.0.1 (IPv4), its link-local or fd00::1 (IPv6); "-stop" is the priority-0 advert
// sent when keepalived is stopped. Configurations are in docs/research/vrrp-runtime.md.
const CAPTURED = {
  // 2.2.7, version 2, no authentication, VRID 51, priority 255, 1 s, two VIPs
  v2: '45c0002c00010000ff70d08d0a000001e00000122133ff020001caff0a0000640a0000650000000000000000',
  'v2-stop': '45c0002c00040000ff70d08a0a000001e0000012213300020001ca000a0000640a0000650000000000000000',
  // 2.2.7, version 2, auth_type PASS, auth_pass secret123456 (only 8 bytes are sent), 2 s
  pass: '45c0002800010000ff70d0910a000001e00000122107ff010102abccc0a805017365637265743132',
  'pass-stop': '45c0002800030000ff70d08f0a000001e0000012210700010102aacdc0a805017365637265743132',
  // 2.2.7, version 3 multicast, advert_int 0.5 (50 cs), three VIPs
  v3mc: '45c0002800010000ff70d0910a000001e000001231c8ff030032c53a0a0000640a0000650a000066',
  'v3mc-stop': '45c0002800070000ff70d08b0a000001e000001231c800030032c43b0a0000640a0000650a000066',
  // 2.2.7 and 2.3.2, version 3 unicast to 10.0.0.9 (pseudo-header with the real destination)
  v3uc: '45c0002000010000ff70a6a30a0000010a0000093109ff010064b0a60a000064',
  'v3uc-stop': '45c0002000040000ff70a6a00a0000010a000009310900010064afa70a000064',
  // 2.2.7, same with old_unicast_checksum (pseudo-header destination 224.0.0.18)
  v3ucold: '45c0002000010000ff70a6a30a0000010a0000093109ff010064da9c0a000064',
  'v3ucold-stop': '45c0002000040000ff70a6a00a0000010a000009310900010064d99d0a000064',
  // 2.3.2, version 3 multicast with v3_checksum_as_v2 (no pseudo-header)
  v3asv2: '45c0002000010000ff70d0990a000001e0000012310aff010064c52b0a000064',
  'v3asv2-stop': '45c0002000040000ff70d0960a000001e0000012310a00010064c42c0a000064',
  // 2.2.7, IPv6 version 3 multicast from the link-local address, two VIPs
  v3ip6: '6c055300002870fffe80000000000000fccf07fffeee78a0ff020000000000000000000000000012313cff0200642915fd00000000000000000000000000010020010db8000000000000000000000001',
  'v3ip6-stop': '6c055300002870fffe80000000000000fccf07fffeee78a0ff020000000000000000000000000012313c000200642816fd00000000000000000000000000010020010db8000000000000000000000001',
  // 2.2.7, IPv6 with `version 2` (no auth data; the kernel fills an IPv6 pseudo-header checksum)
  v2ip6: '6c0b9980001870fffe80000000000000a4a01dfffef76999ff020000000000000000000000000012213dff010001b86ffd000000000000000000000000000100',
  'v2ip6-stop': '6c0b9980001870fffe80000000000000a4a01dfffef76999ff020000000000000000000000000012213d00010001b770fd000000000000000000000000000100',
  // 2.2.7, IPv6 version 3 unicast fd00::1 -> fd00::9: hop limit 64, not 255
  v3uc6: '6c067ddf00187040fd000000000000000000000000000001fd000000000000000000000000000009313eff010064d6c6fd000000000000000000000000000100',
  'v3uc6-stop': '6c067ddf00187040fd000000000000000000000000000001fd000000000000000000000000000009313e00010064d5c7fd000000000000000000000000000100',
} as const;

interface Received {
  ctx: DecodeContext;
  payload: Buffer;
  datagram: Buffer;
}

/** Split a captured packet into the VRRP bytes and what the receiving socket would report. */
function received(hex: string, checksum?: ChecksumMode): Received {
  const datagram = Buffer.from(hex, 'hex');
  if (datagram[0] >> 4 === 4) {
    const ip = parseIpv4Datagram(datagram);
    if (!ip.ok) throw new Error(ip.reason);
    return { payload: ip.payload, datagram, ctx: { family: 'ipv4', srcAddress: ip.header.srcAddress, dstAddress: ip.header.dstAddress, ttl: ip.header.ttl, checksum } };
  }
  const src = addressText(datagram, 'ipv6', 8);
  const dst = addressText(datagram, 'ipv6', 24);
  return { payload: datagram.subarray(40), datagram, ctx: { family: 'ipv6', srcAddress: src, dstAddress: dst, ttl: datagram[7], checksum } };
}

function decoded(hex: string, checksum?: ChecksumMode) {
  const r = received(hex, checksum);
  const d = decode(r.payload, r.ctx);
  if (!d.ok) throw new Error(`refused: ${d.reason}`);
  return { ...r, advert: d.advert };
}

/** Re-encode a decoded advert as its sender would, and compare with the captured bytes. */
function reencodes(hex: string, checksum?: ChecksumMode): void {
  const { advert, payload, ctx } = decoded(hex, checksum);
  const { checksum: _c, checksumVariant: _v, ...plain } = advert;
  expect(encode(plain as Advert, { family: ctx.family, srcAddress: ctx.srcAddress, dstAddress: ctx.dstAddress, checksum }).toString('hex')).toBe(payload.toString('hex'));
}

describe('RFC 1071 checksum', () => {
  it('matches the worked example of RFC 1071 section 3', () => {
    // 0001 f203 f4f5 f6f7 sums to ddf2 (with end-around carry); the checksum is its complement.
    expect(internetChecksum(Buffer.from('0001f203f4f5f6f7', 'hex'))).toBe(0x220d);
  });
  it('pads an odd byte with zero and spans chunks', () => {
    expect(internetChecksum(Buffer.from('01', 'hex'))).toBe(0xfeff);
    expect(internetChecksum(Buffer.from('0001f2', 'hex'), Buffer.from('03f4f5f6f7', 'hex'))).toBe(0x220d);
  });
});

describe('golden adverts captured from keepalived', () => {
  it('version 2 IPv4 without authentication', () => {
    const { advert, ctx } = decoded(CAPTURED.v2);
    expect(advert).toMatchObject({ version: 2, vrid: 51, priority: 255, authType: 0, advertIntervalSec: 1, addresses: ['10.0.0.100', '10.0.0.101'], checksumVariant: 'plain' });
    expect(ctx.ttl).toBe(255);
    expect(decoded(CAPTURED['v2-stop']).advert.priority).toBe(0);
    reencodes(CAPTURED.v2);
    reencodes(CAPTURED['v2-stop']);
  });

  it('version 2 PASS authentication carries the first 8 bytes of the password', () => {
    const { advert, ctx } = decoded(CAPTURED.pass);
    expect(advert).toMatchObject({ version: 2, vrid: 7, authType: AUTH_PASS, advertIntervalSec: 2, addresses: ['192.168.5.1'] });
    expect(Buffer.from((advert as { authData: Uint8Array }).authData).toString()).toBe('secret12');
    const cfg = { vrid: 7, version: 2 as const, family: 'ipv4' as const, vips: ['192.168.5.1'], authType: AUTH_PASS, advertIntervalMs: 2000 };
    const meta = { srcAddress: ctx.srcAddress, dstAddress: ctx.dstAddress, ttl: 255 };
    expect(validateAdvert(advert, meta, { ...cfg, authPass: 'secret123456' })).toEqual({ ok: true });
    expect(validateAdvert(advert, meta, { ...cfg, authPass: 'secret12' })).toEqual({ ok: true });
    expect(validateAdvert(advert, meta, { ...cfg, authPass: 'secret1' })).toEqual({ ok: false, reason: 'auth-failure' });
    expect(validateAdvert(advert, meta, { ...cfg, authType: 0 })).toEqual({ ok: false, reason: 'auth-type-mismatch' });
    expect(validateAdvert(advert, meta, { ...cfg, authPass: 'secret123456', advertIntervalMs: 1000 })).toEqual({ ok: false, reason: 'interval-mismatch' });
    reencodes(CAPTURED.pass);
    expect(encode(makeAdvert({ version: 2, vrid: 7, addresses: ['192.168.5.1'], advertIntervalMs: 2000, authType: AUTH_PASS, authPass: 'secret123456' }, 0), ctx).toString('hex')).toBe(
      received(CAPTURED['pass-stop']).payload.toString('hex'),
    );
  });

  it('version 3 IPv4 multicast uses the IPv4 pseudo-header', () => {
    const { advert } = decoded(CAPTURED.v3mc);
    expect(advert).toMatchObject({ version: 3, vrid: 200, priority: 255, maxAdvertIntervalCs: 50, checksumVariant: 'pseudo-header' });
    expect(advertIntervalMs(advert)).toBe(500);
    reencodes(CAPTURED.v3mc);
    reencodes(CAPTURED['v3mc-stop']);
  });

  it('version 3 IPv4 unicast puts the real destination in the pseudo-header', () => {
    const { advert, ctx } = decoded(CAPTURED.v3uc);
    expect(ctx.dstAddress).toBe('10.0.0.9');
    expect(advert.checksumVariant).toBe('pseudo-header');
    reencodes(CAPTURED.v3uc);
    reencodes(CAPTURED['v3uc-stop']);
  });

  it('old_unicast_checksum: the pseudo-header destination is the multicast group', () => {
    const strict = received(CAPTURED.v3ucold);
    expect(decode(strict.payload, strict.ctx)).toEqual({ ok: false, reason: 'bad-checksum' });
    expect(decoded(CAPTURED.v3ucold, 'auto').advert.checksumVariant).toBe('old-unicast');
    expect(decoded(CAPTURED.v3ucold, 'old-unicast').advert.checksumVariant).toBe('old-unicast');
    // auto still takes the RFC form first
    expect(decoded(CAPTURED.v3uc, 'auto').advert.checksumVariant).toBe('pseudo-header');
    reencodes(CAPTURED.v3ucold, 'old-unicast');
    reencodes(CAPTURED['v3ucold-stop'], 'old-unicast');
  });

  it('v3_checksum_as_v2 (2.3.2): no pseudo-header; received checksums are not enforced', () => {
    const strict = received(CAPTURED.v3asv2);
    expect(decode(strict.payload, strict.ctx)).toEqual({ ok: false, reason: 'bad-checksum' });
    expect(decoded(CAPTURED.v3asv2, 'as-v2').advert.checksumVariant).toBe('plain');
    reencodes(CAPTURED.v3asv2, 'as-v2');
    const broken = Buffer.from(strict.payload);
    broken[6] ^= 0xff;
    const d = decode(broken, { ...strict.ctx, checksum: 'as-v2' });
    expect(d.ok && d.advert.checksumVariant).toBe('unverified');
  });

  it('IPv6 version 3 and version 2 use the IPv6 pseudo-header', () => {
    const v3 = decoded(CAPTURED.v3ip6);
    expect(v3.ctx.srcAddress).toBe('fe80::fccf:7ff:feee:78a0');
    expect(v3.ctx.dstAddress).toBe('ff02::12');
    expect(v3.advert).toMatchObject({ version: 3, vrid: 60, maxAdvertIntervalCs: 100, addresses: ['fd00::100', '2001:db8::1'], checksumVariant: 'pseudo-header' });
    reencodes(CAPTURED.v3ip6);
    reencodes(CAPTURED['v3ip6-stop']);
    const v2 = decoded(CAPTURED.v2ip6);
    expect(v2.advert).toMatchObject({ version: 2, vrid: 61, authType: 0, advertIntervalSec: 1, addresses: ['fd00::100'] });
    expect('authData' in v2.advert).toBe(false);
    reencodes(CAPTURED.v2ip6);
    reencodes(CAPTURED['v2ip6-stop']);
  });

  it('IPv6 unicast adverts arrive with hop limit 64: not checked for unicast, refused for multicast', () => {
    const uc = received(CAPTURED.v3uc6);
    expect(uc.ctx.ttl).toBe(64);
    expect(decode(uc.payload, uc.ctx).ok).toBe(true);
    expect(decode(uc.payload, { ...uc.ctx, ttlPolicy: 'require-255' })).toEqual({ ok: false, reason: 'bad-ttl' });
    reencodes(CAPTURED.v3uc6);
  });

  it('buildIpv4Datagram reproduces keepalived IPv4 headers (TOS 0xc0, TTL 255, header checksum)', () => {
    for (const key of ['v2', 'pass-stop', 'v3mc', 'v3uc', 'v3asv2-stop'] as const) {
      const r = received(CAPTURED[key]);
      const built = buildIpv4Datagram(r.payload, { srcAddress: r.ctx.srcAddress, dstAddress: r.ctx.dstAddress, id: r.datagram.readUInt16BE(4) });
      expect(built.toString('hex')).toBe(CAPTURED[key]);
    }
  });
});

describe('decode refuses with a reason', () => {
  const v3 = (): Buffer => encode(makeAdvert({ version: 3, vrid: 1, addresses: ['10.1.1.1', '10.1.1.2'], advertIntervalMs: 1000 }, 100), ctx4);
  const ctx4: DecodeContext = { family: 'ipv4', srcAddress: '10.0.0.1', dstAddress: '224.0.0.18', ttl: 255 };
  const reason = (bytes: Uint8Array, ctx: DecodeContext = ctx4): RejectReason | 'ok' => {
    const r = decode(bytes, ctx);
    return r.ok ? 'ok' : r.reason;
  };
  const patched = (f: (b: Buffer) => void): Buffer => {
    const b = v3();
    f(b);
    return b;
  };

  it('accepts the reference packet', () => expect(reason(v3())).toBe('ok'));
  it('too-short', () => expect(reason(v3().subarray(0, 7))).toBe('too-short'));
  it('bad-version', () => expect(reason(patched((b) => (b[0] = 0x41)))).toBe('bad-version'));
  it('bad-type', () => expect(reason(patched((b) => (b[0] = 0x32)))).toBe('bad-type'));
  it('address-count-mismatch: whole addresses, wrong count', () => expect(reason(patched((b) => (b[3] = 3)))).toBe('address-count-mismatch'));
  it('bad-length: a partial address', () => expect(reason(Buffer.concat([v3(), Buffer.from([0])]))).toBe('bad-length'));
  it('bad-ttl on multicast, not on unicast unless asked', () => {
    expect(reason(v3(), { ...ctx4, ttl: 254 })).toBe('bad-ttl');
    expect(reason(v3(), { ...ctx4, ttl: undefined })).toBe('ok');
    const uc = encode(makeAdvert({ version: 3, vrid: 1, addresses: ['10.1.1.1'], advertIntervalMs: 1000 }, 100), { ...ctx4, dstAddress: '10.0.0.2' });
    expect(reason(uc, { ...ctx4, dstAddress: '10.0.0.2', ttl: 3 })).toBe('ok');
    expect(reason(uc, { ...ctx4, dstAddress: '10.0.0.2', ttl: 3, ttlPolicy: 'require-255' })).toBe('bad-ttl');
  });
  it('bad-auth-type (version 2 only)', () => {
    const v2 = encode(makeAdvert({ version: 2, vrid: 1, addresses: ['10.1.1.1'], advertIntervalMs: 1000 }, 100), ctx4);
    v2[4] = 3;
    expect(reason(v2)).toBe('bad-auth-type');
  });
  it('bad-checksum, and the pseudo-header addresses matter', () => {
    expect(reason(patched((b) => (b[2] = 101)))).toBe('bad-checksum');
    expect(reason(v3(), { ...ctx4, srcAddress: '10.0.0.3' })).toBe('bad-checksum');
    expect(reason(v3(), { ...ctx4, srcAddress: '10.0.0.3', verifyChecksum: false })).toBe('ok');
  });
  it('masks the reserved bits above the 12-bit v3 interval', () => {
    const b = patched((x) => (x[4] |= 0xf0));
    const r = decode(b, { ...ctx4, verifyChecksum: false });
    expect(r.ok && r.advert.version === 3 && r.advert.maxAdvertIntervalCs).toBe(100);
  });
});

describe('validateAdvert', () => {
  const advert = makeAdvert({ version: 3, vrid: 9, addresses: ['10.1.1.1', '10.1.1.2'], advertIntervalMs: 1000 }, 100);
  const meta = { srcAddress: '10.0.0.1', dstAddress: '224.0.0.18', ttl: 255 };
  const cfg = { vrid: 9, version: 3 as const, family: 'ipv4' as const, vips: ['10.1.1.2', '10.1.1.1'], advertIntervalMs: 3000 };
  const why = (r: ReturnType<typeof validateAdvert>): string => (r.ok ? 'ok' : r.reason);

  it('accepts VIPs in any order; v3 intervals may differ', () => expect(why(validateAdvert(advert, meta, cfg))).toBe('ok'));
  it('vrid-mismatch / version-mismatch', () => {
    expect(why(validateAdvert(advert, meta, { ...cfg, vrid: 8 }))).toBe('vrid-mismatch');
    expect(why(validateAdvert(advert, meta, { ...cfg, version: 2 }))).toBe('version-mismatch');
  });
  it('vip-count-mismatch / vip-missing, unless the address check is skipped', () => {
    expect(why(validateAdvert(advert, meta, { ...cfg, vips: ['10.1.1.1'] }))).toBe('vip-count-mismatch');
    expect(why(validateAdvert(advert, meta, { ...cfg, vips: ['10.1.1.1', '10.1.1.3'] }))).toBe('vip-missing');
    expect(why(validateAdvert(advert, meta, { ...cfg, vips: ['10.1.1.3'], skipAddressCheck: true }))).toBe('ok');
  });
  it('cast-mismatch both ways', () => {
    expect(why(validateAdvert(advert, meta, { ...cfg, unicast: true }))).toBe('cast-mismatch');
    expect(why(validateAdvert(advert, { ...meta, dstAddress: '10.0.0.2' }, cfg))).toBe('cast-mismatch');
  });
  it('unicast peers: not-a-peer and the min_ttl/max_ttl range', () => {
    const uc = { ...cfg, unicast: true, checkUnicastSource: true, unicastPeers: [{ address: '10.0.0.1', minTtl: 250, maxTtl: 255 }] };
    const m = { ...meta, dstAddress: '10.0.0.2' };
    expect(why(validateAdvert(advert, m, uc))).toBe('ok');
    expect(why(validateAdvert(advert, { ...m, srcAddress: '10.0.0.7' }, uc))).toBe('not-a-peer');
    expect(why(validateAdvert(advert, { ...m, ttl: 64 }, uc))).toBe('bad-ttl');
    expect(why(validateAdvert(advert, { ...m, srcAddress: '10.0.0.7' }, { ...uc, checkUnicastSource: false }))).toBe('ok');
  });
  it('IPv6 VIPs compare by value, not spelling', () => {
    const a6 = makeAdvert({ version: 3, vrid: 9, addresses: ['2001:db8::1'], advertIntervalMs: 1000 }, 100);
    const bytes = encode(a6, { family: 'ipv6', srcAddress: 'fe80::1', dstAddress: 'ff02::12' });
    const d = decode(bytes, { family: 'ipv6', srcAddress: 'fe80::1', dstAddress: 'ff02::12', ttl: 255 });
    expect(d.ok).toBe(true);
    if (d.ok) expect(why(validateAdvert(d.advert, { srcAddress: 'fe80::1', dstAddress: 'ff02::12' }, { ...cfg, family: 'ipv6', vips: ['2001:0DB8:0:0::1'] }))).toBe('ok');
  });
});

describe('parseIpv4Datagram', () => {
  const payload = encode(makeAdvert({ version: 3, vrid: 1, addresses: ['10.1.1.1'], advertIntervalMs: 1000 }, 100), { family: 'ipv4', srcAddress: '10.0.0.1', dstAddress: '224.0.0.18' });
  const dgram = buildIpv4Datagram(payload, { srcAddress: '10.0.0.1', dstAddress: '224.0.0.18' });
  it('splits header and payload', () => {
    const r = parseIpv4Datagram(dgram);
    expect(r.ok && r.header).toMatchObject({ ttl: 255, protocol: 112, srcAddress: '10.0.0.1', dstAddress: '224.0.0.18', tos: 0xc0 });
    expect(r.ok && r.payload.equals(payload)).toBe(true);
  });
  it('Ethernet padding: refused by default (2.2.7), accepted on request (2.3)', () => {
    const padded = Buffer.concat([dgram, Buffer.alloc(46 - dgram.length)]);
    expect(parseIpv4Datagram(padded)).toEqual({ ok: false, reason: 'bad-length' });
    const r = parseIpv4Datagram(padded, { allowEthernetPadding: true });
    expect(r.ok && r.payload.equals(payload)).toBe(true);
    expect(parseIpv4Datagram(Buffer.concat([dgram, Buffer.alloc(3)]), { allowEthernetPadding: true }).ok).toBe(false);
  });
  it('AH header before VRRP', () => {
    const ah = Buffer.alloc(24);
    ah[0] = 112;
    ah[1] = 4;
    ah.writeUInt32BE(0x0a000001, 4);
    ah.writeUInt32BE(7, 8);
    const withAh = Buffer.concat([dgram.subarray(0, 20), ah, payload]);
    withAh[9] = 51;
    withAh.writeUInt16BE(withAh.length, 2);
    const r = parseIpv4Datagram(withAh);
    expect(r.ok && r.ah).toMatchObject({ nextHeader: 112, spi: 0x0a000001, sequence: 7 });
    expect(r.ok && r.payload.equals(payload)).toBe(true);
    withAh[20] = 6;
    expect(parseIpv4Datagram(withAh)).toEqual({ ok: false, reason: 'bad-protocol' });
  });
  it('refusals', () => {
    expect(parseIpv4Datagram(dgram.subarray(0, 10))).toEqual({ ok: false, reason: 'too-short' });
    const v6 = Buffer.from(dgram);
    v6[0] = 0x65;
    expect(parseIpv4Datagram(v6)).toEqual({ ok: false, reason: 'not-ipv4' });
    const tcp = Buffer.from(dgram);
    tcp[9] = 6;
    expect(parseIpv4Datagram(tcp)).toEqual({ ok: false, reason: 'bad-protocol' });
  });
});

describe('addresses', () => {
  it('compares numerically in network order', () => {
    expect(compareAddresses('10.0.0.2', '10.0.0.10')).toBe(-1);
    expect(compareAddresses('192.168.0.1', '10.0.0.1')).toBe(1);
    expect(compareAddresses('fe80::2', 'fe80::1:0')).toBe(-1);
    expect(compareAddresses('10.0.0.1', 'fe80::1')).toBe(0);
  });
  it('canonical text and multicast', () => {
    expect(canonicalAddress('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(canonicalAddress('::ffff:10.0.0.1')).toBe('::ffff:a00:1');
    expect(isMulticast('224.0.0.18')).toBe(true);
    expect(isMulticast('ff02::12')).toBe(true);
    expect(isMulticast('10.0.0.1')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const REASONS: readonly RejectReason[] = [
  'too-short', 'bad-version', 'bad-type', 'address-count-mismatch', 'bad-length', 'bad-ttl', 'bad-auth-type', 'bad-checksum',
  'not-ipv4', 'bad-protocol', 'vrid-mismatch', 'version-mismatch', 'auth-type-mismatch', 'auth-failure', 'interval-mismatch',
  'vip-count-mismatch', 'vip-missing', 'cast-mismatch', 'not-a-peer',
];

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
const ipv6 = fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 }).map((w) => canonicalAddress(w.map((x) => x.toString(16)).join(':')));
const mode = fc.constantFrom<ChecksumMode>('pseudo-header', 'old-unicast', 'auto', 'as-v2');

const advertCase = fc.oneof(
  fc.record({
    family: fc.constant('ipv4' as const),
    src: ipv4,
    dst: fc.oneof(fc.constant('224.0.0.18'), ipv4),
    addresses: fc.array(ipv4, { maxLength: 20 }),
  }),
  fc.record({
    family: fc.constant('ipv6' as const),
    src: ipv6,
    dst: fc.oneof(fc.constant('ff02::12'), ipv6),
    addresses: fc.array(ipv6, { maxLength: 10 }),
  }),
).chain((base) =>
  fc.record({
    base: fc.constant(base),
    mode,
    advert: fc.oneof(
      fc.record({
        version: fc.constant(2 as const),
        vrid: fc.integer({ min: 1, max: 255 }),
        priority: fc.nat(255),
        addresses: fc.constant(base.addresses),
        authType: fc.constantFrom(0, 1, 2),
        advertIntervalSec: fc.integer({ min: 1, max: 255 }),
        authData: fc.uint8Array({ minLength: 8, maxLength: 8 }),
      }),
      fc.record({
        version: fc.constant(3 as const),
        vrid: fc.integer({ min: 1, max: 255 }),
        priority: fc.nat(255),
        addresses: fc.constant(base.addresses),
        maxAdvertIntervalCs: fc.integer({ min: 1, max: 4095 }),
      }),
    ),
  }),
);

describe('properties', () => {
  it('encode then decode gives the advert back', () => {
    fc.assert(
      fc.property(advertCase, ({ base, mode: m, advert }) => {
        const ctx = { family: base.family, srcAddress: base.src, dstAddress: base.dst, checksum: m };
        const d = decode(encode(advert as Advert, ctx), { ...ctx, ttl: 255 });
        expect(d.ok).toBe(true);
        if (!d.ok) return;
        const { checksum: _c, checksumVariant: _v, ...got } = d.advert;
        const want: Record<string, unknown> = { ...advert };
        if (advert.version === 2 && base.family === 'ipv6') delete want.authData;
        expect(got).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });

  it('decode never throws on random bytes, and every refusal has a known reason', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        fc.constantFrom('ipv4', 'ipv6'),
        fc.option(fc.nat(255), { nil: undefined }),
        mode,
        (bytes, family, ttl, m) => {
          const ctx: DecodeContext =
            family === 'ipv4'
              ? { family, srcAddress: '10.0.0.1', dstAddress: '224.0.0.18', ttl, checksum: m }
              : { family, srcAddress: 'fe80::1', dstAddress: 'ff02::12', ttl, checksum: m };
          const r = decode(bytes, ctx);
          if (!r.ok) expect(REASONS).toContain(r.reason);
          const ip = parseIpv4Datagram(bytes, { allowEthernetPadding: true });
          if (!ip.ok) expect(REASONS).toContain(ip.reason);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('decode never throws on mutated valid packets; a single changed byte is always refused', () => {
    fc.assert(
      fc.property(
        // as-v2 does not verify; auto could match its fallback form by a 1-in-65535 coincidence
        advertCase.filter((c) => c.mode === 'pseudo-header' || c.mode === 'old-unicast'),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 6 }),
        fc.integer({ min: -3, max: 3 }),
        ({ base, mode: m, advert }, at, flip, more, resize) => {
          const ctx = { family: base.family, srcAddress: base.src, dstAddress: base.dst, checksum: m };
          const good = encode(advert as Advert, ctx);
          const one = Buffer.from(good);
          one[at % one.length] ^= flip;
          const r1 = decode(one, { ...ctx, ttl: 255 });
          expect(r1.ok).toBe(false);
          if (!r1.ok) expect(REASONS).toContain(r1.reason);
          // several changes and a length change: no exception, known reason when refused
          let many = Buffer.from(good);
          for (const [i, v] of more) many[i % many.length] = v;
          if (resize > 0) many = Buffer.concat([many, Buffer.alloc(resize, 0xaa)]);
          else if (resize < 0) many = many.subarray(0, Math.max(0, many.length + resize));
          const r2 = decode(many, { ...ctx, ttl: 255 });
          if (!r2.ok) expect(REASONS).toContain(r2.reason);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('validateAdvert never throws and refuses with known reasons', () => {
    fc.assert(
      fc.property(advertCase, fc.boolean(), fc.boolean(), ({ base, advert }, unicast, check) => {
        const r = validateAdvert(advert as Advert, { srcAddress: base.src, dstAddress: base.dst, ttl: 64 }, {
          vrid: advert.vrid,
          version: advert.version,
          family: base.family,
          vips: base.addresses.slice(1),
          advertIntervalMs: 1000,
          authType: 1,
          authPass: 'pw',
          unicast,
          checkUnicastSource: check,
          unicastPeers: [{ address: base.src, minTtl: 100 }],
        });
        if (!r.ok) expect(REASONS).toContain(r.reason);
      }),
      { numRuns: 500 },
    );
  });

  it('passAuthData pads and truncates to 8 bytes', () => {
    expect(Buffer.from(passAuthData('pw')).toString('hex')).toBe('7077000000000000');
    expect(Buffer.from(passAuthData('0123456789')).toString()).toBe('01234567');
  });
});
