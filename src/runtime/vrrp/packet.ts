// VRRP advertisement codec: RFC 3768 (version 2) and RFC 5798 (version 3), IPv4 and IPv6,
// with the checksum variants keepalived speaks. Pure: no sockets, no clock.
//
//   decode(vrrpBytes, ctx)        wire validity only (length, version, type, TTL, checksum)
//   validateAdvert(advert, ...)   what needs the instance's configuration (VRID, version,
//                                 authentication, v2 interval, VIP list, unicast peers)
//   parseIpv4Datagram(bytes)      for IPv4 raw sockets that hand over the IP header too
//
// Neither decode nor validateAdvert nor parseIpv4Datagram throws on any input; every
// rejection carries a reason from RejectReason. encode throws RangeError on an advert that
// cannot be put on the wire (a programming error, not a user error).
// Rules and keepalived's quirks: docs/research/vrrp-runtime.md.
import { timingSafeEqual } from 'node:crypto';
import {
  type AddressFamily,
  addressBytes,
  addressLength,
  addressText,
  canonicalAddress,
  compareAddresses,
  familyOf,
  isMulticast,
  VRRP_GROUP_IPV4,
} from './address.js';

export const IPPROTO_VRRP = 112;
export const IPPROTO_AH = 51;
export const VRRP_TYPE_ADVERTISEMENT = 1;
export const VRRP_TTL = 255;
/** Fixed part of every VRRP packet: version/type, VRID, priority, count, 2 bytes, checksum. */
export const VRRP_HEADER_LENGTH = 8;
/** Authentication data trailing a version 2 IPv4 advert. */
export const VRRP_AUTH_DATA_LENGTH = 8;

/** Version 2 authentication types (RFC 2338; RFC 3768 keeps the field, 1 and 2 reserved). */
export const AUTH_NONE = 0;
export const AUTH_PASS = 1;
export const AUTH_AH = 2;

interface AdvertCommon {
  /** Virtual router id, 1..255 on the wire (0 is decoded but no instance uses it). */
  vrid: number;
  /** 0 = master leaving, 1..254 backup priorities, 255 = address owner. */
  priority: number;
  /** The virtual addresses carried, in the advert's family, in packet order. */
  addresses: string[];
}

export interface AdvertV2 extends AdvertCommon {
  version: 2;
  authType: number;
  /** Advertisement interval in whole seconds (8 bits). */
  advertIntervalSec: number;
  /** 8 bytes after the addresses; IPv4 only (keepalived sends none with IPv6). */
  authData?: Uint8Array;
}

export interface AdvertV3 extends AdvertCommon {
  version: 3;
  /** Max advertisement interval in centiseconds (12 bits; the 4 bits above are reserved). */
  maxAdvertIntervalCs: number;
}

export type Advert = AdvertV2 | AdvertV3;

/**
 * How the version 3 IPv4 checksum is formed (IPv6 always uses the IPv6 pseudo-header;
 * version 2 IPv4 never uses a pseudo-header):
 * - `pseudo-header`: RFC 5798 5.2.8, IPv4 pseudo-header with the packet's real addresses.
 * - `old-unicast`: keepalived <= 1.3.6 (`old_unicast_checksum`): the pseudo-header's
 *   destination is the VRRP multicast group even when the packet is unicast.
 * - `auto`: keepalived's default for unicast instances: send `pseudo-header`; accept
 *   `pseudo-header`, else retry as `old-unicast` (the caller should then switch its sending
 *   mode to `old-unicast`, as keepalived does; the decoded variant says so).
 * - `as-v2`: keepalived 2.3's `v3_checksum_as_v2` (Cisco/Juniper interpretation): no
 *   pseudo-header. keepalived does not verify received checksums in this mode, nor do we.
 */
export type ChecksumMode = 'pseudo-header' | 'old-unicast' | 'auto' | 'as-v2';

/** Which checksum computation a received packet matched. */
export type ChecksumVariant = 'plain' | 'pseudo-header' | 'old-unicast' | 'unverified';

export interface EncodeContext {
  family: AddressFamily;
  /** Source and destination of the IP packet, needed for the pseudo-header checksums. */
  srcAddress: string;
  dstAddress: string;
  checksum?: ChecksumMode;
  /** Multicast group standing in for the destination in `old-unicast` mode (vrrp_mcast_group4). */
  multicastGroup4?: string;
}

export interface DecodeContext {
  family: AddressFamily;
  srcAddress: string;
  dstAddress: string;
  /** IPv4 TTL or IPv6 hop limit as received; omit when unknown (then it is not checked). */
  ttl?: number;
  /**
   * `require-255`: RFC 3768/5798 receive rule. `ignore`: unicast (keepalived checks unicast
   * TTLs only against a peer's min_ttl/max_ttl, in validateAdvert).
   * Default: `require-255` when the destination is multicast, else `ignore`.
   */
  ttlPolicy?: 'require-255' | 'ignore';
  checksum?: ChecksumMode;
  multicastGroup4?: string;
  /** false when the kernel already verified it (IPv6 raw sockets with IPV6_CHECKSUM). Default true. */
  verifyChecksum?: boolean;
}

export type DecodedAdvert = Advert & {
  /** The checksum field as received. */
  checksum: number;
  checksumVariant: ChecksumVariant;
};

/** Every reason a received packet can be refused, by decode, validateAdvert or parseIpv4Datagram. */
export type RejectReason =
  // decode: the packet itself
  | 'too-short' // fewer bytes than the fixed 8-byte header
  | 'bad-version' // neither 2 nor 3
  | 'bad-type' // not an advertisement (type 1)
  | 'address-count-mismatch' // whole addresses follow, but not as many as the count field says
  | 'bad-length' // length fits no address count at all
  | 'bad-ttl' // TTL/hop limit not 255 (multicast), or outside a unicast peer's range
  | 'bad-auth-type' // version 2 auth type not 0, 1 or 2
  | 'bad-checksum'
  // parseIpv4Datagram: the IPv4 envelope
  | 'not-ipv4'
  | 'bad-protocol' // neither VRRP nor AH carrying VRRP
  // validateAdvert: against the instance's configuration
  | 'vrid-mismatch'
  | 'version-mismatch'
  | 'auth-type-mismatch'
  | 'auth-failure' // PASS password differs
  | 'interval-mismatch' // version 2 only; keepalived drops silently-ish (log line, no counter)
  | 'vip-count-mismatch'
  | 'vip-missing'
  | 'cast-mismatch' // multicast packet on a unicast instance or the reverse
  | 'not-a-peer'; // unicast source not among unicast_peer (check_unicast_src)

export type DecodeResult = { ok: true; advert: DecodedAdvert } | { ok: false; reason: RejectReason };

// ---------------------------------------------------------------------------------------------
// Checksums

/** RFC 1071 Internet checksum (one's complement of the one's complement sum) of the bytes. */
export function internetChecksum(...chunks: Uint8Array[]): number {
  let sum = 0;
  let odd: number | undefined;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      if (odd === undefined) odd = chunk[i];
      else {
        sum += (odd << 8) | chunk[i];
        odd = undefined;
      }
    }
  }
  if (odd !== undefined) sum += odd << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

function pseudoHeader(family: AddressFamily, src: string, dst: string, length: number): Uint8Array | undefined {
  const s = addressBytes(src);
  const d = addressBytes(dst);
  const size = addressLength(family);
  if (!s || !d || s.length !== size || d.length !== size) return undefined;
  if (family === 'ipv4') {
    const ph = new Uint8Array(12);
    ph.set(s, 0);
    ph.set(d, 4);
    ph[9] = IPPROTO_VRRP;
    ph[10] = (length >> 8) & 0xff;
    ph[11] = length & 0xff;
    return ph;
  }
  const ph = new Uint8Array(40);
  ph.set(s, 0);
  ph.set(d, 16);
  new DataView(ph.buffer).setUint32(32, length);
  ph[39] = IPPROTO_VRRP;
  return ph;
}

/**
 * The bytes that precede the VRRP packet in its checksum for the given variant: nothing for
 * `plain`, the IPv4/IPv6 pseudo-header otherwise. undefined when an address is unusable.
 */
function checksumPrefix(
  variant: Exclude<ChecksumVariant, 'unverified'>,
  family: AddressFamily,
  src: string,
  dst: string,
  length: number,
  group4: string,
): Uint8Array | undefined {
  if (variant === 'plain') return new Uint8Array(0);
  return pseudoHeader(family, src, variant === 'old-unicast' ? group4 : dst, length);
}

/** The checksum variant a sender uses for a version/family/mode. */
export function sendVariant(version: 2 | 3, family: AddressFamily, mode: ChecksumMode = 'pseudo-header'): Exclude<ChecksumVariant, 'unverified'> {
  if (family === 'ipv6') return 'pseudo-header';
  if (version === 2 || mode === 'as-v2') return 'plain';
  return mode === 'old-unicast' ? 'old-unicast' : 'pseudo-header';
}

// ---------------------------------------------------------------------------------------------
// Encode

/** Length of a VRRP packet (without IP header) for a version, family and address count. */
export function vrrpPacketLength(version: 2 | 3, family: AddressFamily, count: number): number {
  return VRRP_HEADER_LENGTH + count * addressLength(family) + (version === 2 && family === 'ipv4' ? VRRP_AUTH_DATA_LENGTH : 0);
}

const isByte = (n: number, min = 0, max = 255): boolean => Number.isInteger(n) && n >= min && n <= max;

/** The VRRP packet (no IP header) for an advert, checksum included. Throws RangeError on an unencodable advert. */
export function encode(advert: Advert, ctx: EncodeContext): Buffer {
  const { family } = ctx;
  if (!isByte(advert.vrid, 1)) throw new RangeError(`VRID ${advert.vrid} is not in 1..255`);
  if (!isByte(advert.priority)) throw new RangeError(`priority ${advert.priority} is not in 0..255`);
  if (advert.addresses.length > 255) throw new RangeError(`${advert.addresses.length} addresses do not fit the 8-bit count`);
  if (advert.version === 2) {
    if (!isByte(advert.advertIntervalSec, 1)) throw new RangeError(`v2 interval ${advert.advertIntervalSec}s is not in 1..255`);
    if (!isByte(advert.authType)) throw new RangeError(`auth type ${advert.authType} is not a byte`);
  } else if (!Number.isInteger(advert.maxAdvertIntervalCs) || advert.maxAdvertIntervalCs < 1 || advert.maxAdvertIntervalCs > 0x0fff) {
    throw new RangeError(`v3 interval ${advert.maxAdvertIntervalCs}cs is not in 1..4095`);
  }
  const length = vrrpPacketLength(advert.version, family, advert.addresses.length);
  const buf = Buffer.alloc(length);
  buf[0] = (advert.version << 4) | VRRP_TYPE_ADVERTISEMENT;
  buf[1] = advert.vrid;
  buf[2] = advert.priority;
  buf[3] = advert.addresses.length;
  if (advert.version === 2) {
    buf[4] = advert.authType;
    buf[5] = advert.advertIntervalSec;
  } else buf.writeUInt16BE(advert.maxAdvertIntervalCs & 0x0fff, 4);
  const size = addressLength(family);
  advert.addresses.forEach((a, i) => {
    const bytes = addressBytes(a);
    if (!bytes || bytes.length !== size) throw new RangeError(`${a} is not an ${family} address`);
    buf.set(bytes, VRRP_HEADER_LENGTH + i * size);
  });
  if (advert.version === 2 && family === 'ipv4' && advert.authData) {
    buf.set(advert.authData.subarray(0, VRRP_AUTH_DATA_LENGTH), length - VRRP_AUTH_DATA_LENGTH);
  }
  const variant = sendVariant(advert.version, family, ctx.checksum);
  const prefix = checksumPrefix(variant, family, ctx.srcAddress, ctx.dstAddress, length, ctx.multicastGroup4 ?? VRRP_GROUP_IPV4);
  if (!prefix) throw new RangeError(`pseudo-header addresses ${ctx.srcAddress} -> ${ctx.dstAddress} are not ${family}`);
  buf.writeUInt16BE(internetChecksum(prefix, buf), 6);
  return buf;
}

/** The 8 bytes of PASS authentication data for a password: its first 8 bytes, zero padded. */
export function passAuthData(password: string): Uint8Array {
  const out = new Uint8Array(VRRP_AUTH_DATA_LENGTH);
  out.set(Buffer.from(password, 'utf8').subarray(0, VRRP_AUTH_DATA_LENGTH));
  return out;
}

/** What an instance puts in its adverts; see makeAdvert. */
export interface AdvertTemplate {
  version: 2 | 3;
  vrid: number;
  addresses: readonly string[];
  advertIntervalMs: number;
  authType?: number;
  authPass?: string;
}

/** The advert an instance sends at a priority (the FSM's send-advert effect). */
export function makeAdvert(t: AdvertTemplate, priority: number): Advert {
  if (t.version === 2) {
    const authType = t.authType ?? AUTH_NONE;
    return {
      version: 2,
      vrid: t.vrid,
      priority,
      addresses: [...t.addresses],
      authType,
      advertIntervalSec: Math.round(t.advertIntervalMs / 1000),
      authData: authType === AUTH_PASS ? passAuthData(t.authPass ?? '') : new Uint8Array(VRRP_AUTH_DATA_LENGTH),
    };
  }
  return { version: 3, vrid: t.vrid, priority, addresses: [...t.addresses], maxAdvertIntervalCs: Math.round(t.advertIntervalMs / 10) };
}

/** The advertisement interval an advert carries, in milliseconds. */
export const advertIntervalMs = (a: Advert): number => (a.version === 2 ? a.advertIntervalSec * 1000 : a.maxAdvertIntervalCs * 10);

// ---------------------------------------------------------------------------------------------
// Decode

/** Parse and check one VRRP packet (no IP header). Never throws. */
export function decode(bytes: Uint8Array, ctx: DecodeContext): DecodeResult {
  try {
    return decodeUnsafe(bytes, ctx);
  } catch {
    // Only reachable through a bad context (e.g. an unparsable address); the packet is refused.
    return { ok: false, reason: 'bad-checksum' };
  }
}

function decodeUnsafe(bytes: Uint8Array, ctx: DecodeContext): DecodeResult {
  const fail = (reason: RejectReason): DecodeResult => ({ ok: false, reason });
  if (bytes.length < VRRP_HEADER_LENGTH) return fail('too-short');
  const version = bytes[0] >> 4;
  if (version !== 2 && version !== 3) return fail('bad-version');
  if ((bytes[0] & 0x0f) !== VRRP_TYPE_ADVERTISEMENT) return fail('bad-type');

  const { family } = ctx;
  const count = bytes[3];
  const size = addressLength(family);
  const trailer = version === 2 && family === 'ipv4' ? VRRP_AUTH_DATA_LENGTH : 0;
  const expected = vrrpPacketLength(version, family, count);
  if (bytes.length !== expected) {
    const room = bytes.length - VRRP_HEADER_LENGTH - trailer;
    return fail(room >= 0 && room % size === 0 ? 'address-count-mismatch' : 'bad-length');
  }

  const policy = ctx.ttlPolicy ?? (isMulticast(ctx.dstAddress) ? 'require-255' : 'ignore');
  if (policy === 'require-255' && ctx.ttl !== undefined && ctx.ttl !== VRRP_TTL) return fail('bad-ttl');

  if (version === 2 && bytes[4] !== AUTH_NONE && bytes[4] !== AUTH_PASS && bytes[4] !== AUTH_AH) return fail('bad-auth-type');

  const received = (bytes[6] << 8) | bytes[7];
  const variant = verifyChecksum(bytes, version, ctx);
  if (!variant) return fail('bad-checksum');

  const addresses: string[] = [];
  for (let i = 0; i < count; i++) addresses.push(addressText(bytes, family, VRRP_HEADER_LENGTH + i * size));
  const common = { vrid: bytes[1], priority: bytes[2], addresses, checksum: received, checksumVariant: variant };
  if (version === 2) {
    const advert: DecodedAdvert = { version: 2, ...common, authType: bytes[4], advertIntervalSec: bytes[5] };
    if (trailer) advert.authData = Uint8Array.from(bytes.subarray(expected - trailer, expected));
    return { ok: true, advert };
  }
  return { ok: true, advert: { version: 3, ...common, maxAdvertIntervalCs: ((bytes[4] << 8) | bytes[5]) & 0x0fff } };
}

function verifyChecksum(bytes: Uint8Array, version: 2 | 3, ctx: DecodeContext): ChecksumVariant | undefined {
  const { family } = ctx;
  const mode = ctx.checksum ?? 'pseudo-header';
  if (ctx.verifyChecksum === false) return 'unverified';
  if (family === 'ipv4' && version === 3 && mode === 'as-v2') {
    // keepalived accepts anything here; say which form matched when one did.
    return check('plain') ?? check('pseudo-header') ?? 'unverified';
  }
  const first = sendVariant(version, family, mode);
  const got = check(first);
  if (got) return got;
  if (mode === 'auto' && family === 'ipv4' && version === 3) {
    const group = ctx.multicastGroup4 ?? VRRP_GROUP_IPV4;
    if (compareAddresses(ctx.dstAddress, group) !== 0 || familyOf(ctx.dstAddress) !== 'ipv4') return check('old-unicast');
  }
  return undefined;

  function check(v: Exclude<ChecksumVariant, 'unverified'>): ChecksumVariant | undefined {
    const prefix = checksumPrefix(v, family, ctx.srcAddress, ctx.dstAddress, bytes.length, ctx.multicastGroup4 ?? VRRP_GROUP_IPV4);
    return prefix && internetChecksum(prefix, bytes) === 0 ? v : undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Instance checks (keepalived's vrrp_check_packet, the parts that need configuration)

export interface UnicastPeer {
  address: string;
  minTtl?: number;
  maxTtl?: number;
}

export interface ValidationConfig {
  vrid: number;
  version: 2 | 3;
  family: AddressFamily;
  /** The instance's VIPs as carried in adverts (excluded VIPs are not). */
  vips: readonly string[];
  /** Version 2 only. */
  authType?: number;
  authPass?: string;
  /** Version 2 adverts must carry this interval exactly. */
  advertIntervalMs: number;
  unicast?: boolean;
  unicastPeers?: readonly UnicastPeer[];
  /** check_unicast_src / vrrp_check_unicast_src, or any peer with min_ttl/max_ttl. */
  checkUnicastSource?: boolean;
  /** Skip the VIP list check (keepalived: skip_check_adv_addr and the advert is from the last master). */
  skipAddressCheck?: boolean;
}

export interface ReceivedMeta {
  srcAddress: string;
  dstAddress: string;
  ttl?: number;
}

export type ValidateResult = { ok: true } | { ok: false; reason: RejectReason };

/** Check a decoded advert against the instance that received it. Never throws. */
export function validateAdvert(advert: Advert, meta: ReceivedMeta, cfg: ValidationConfig): ValidateResult {
  try {
    return validateUnsafe(advert, meta, cfg);
  } catch {
    return { ok: false, reason: 'auth-failure' };
  }
}

function validateUnsafe(advert: Advert, meta: ReceivedMeta, cfg: ValidationConfig): ValidateResult {
  const fail = (reason: RejectReason): ValidateResult => ({ ok: false, reason });
  if (advert.vrid !== cfg.vrid) return fail('vrid-mismatch');
  if (advert.version !== cfg.version) return fail('version-mismatch');
  if (advert.version === 2) {
    if (advert.authType !== (cfg.authType ?? AUTH_NONE)) return fail('auth-type-mismatch');
    if (advert.authType === AUTH_PASS) {
      const want = passAuthData(cfg.authPass ?? '');
      const got = advert.authData ?? new Uint8Array(0);
      if (got.length !== want.length || !timingSafeEqual(got, want)) return fail('auth-failure');
    }
    if (advert.advertIntervalSec * 1000 !== cfg.advertIntervalMs) return fail('interval-mismatch');
  }
  if (!cfg.skipAddressCheck && advert.addresses.length !== cfg.vips.length) return fail('vip-count-mismatch');
  if (isMulticast(meta.dstAddress) === Boolean(cfg.unicast)) return fail('cast-mismatch');
  if (!cfg.skipAddressCheck) {
    const got = new Set(advert.addresses.map(canonicalAddress));
    for (const vip of cfg.vips) if (!got.has(canonicalAddress(vip))) return fail('vip-missing');
    if (cfg.unicast && cfg.checkUnicastSource) {
      const peer = (cfg.unicastPeers ?? []).find((p) => compareAddresses(p.address, meta.srcAddress) === 0 && familyOf(p.address) === familyOf(meta.srcAddress));
      if (!peer) return fail('not-a-peer');
      if (meta.ttl !== undefined && (meta.ttl < (peer.minTtl ?? 0) || meta.ttl > (peer.maxTtl ?? 255))) return fail('bad-ttl');
    }
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// IPv4 envelope (IPv4 raw sockets deliver the IP header; IPv6 ones do not)

export interface Ipv4Header {
  headerLength: number;
  tos: number;
  totalLength: number;
  id: number;
  ttl: number;
  protocol: number;
  srcAddress: string;
  dstAddress: string;
}

/** IPsec AH header (RFC 2402) as keepalived uses it for VRRP v2 auth type 2. */
export interface AuthHeader {
  nextHeader: number;
  payloadLength: number;
  spi: number;
  sequence: number;
  /** HMAC-MD5-96 integrity check value (12 bytes). Not verified here. */
  icv: Uint8Array;
}

export const AH_LENGTH = 24;

export type Ipv4ParseResult =
  | { ok: true; header: Ipv4Header; ah?: AuthHeader; payload: Buffer }
  | { ok: false; reason: RejectReason };

/**
 * Split an IPv4 datagram as a raw socket delivers it into header, optional AH header and
 * VRRP payload. `allowEthernetPadding` accepts trailing bytes that Ethernet minimum-frame
 * padding explains, as keepalived 2.3 does (2.2.7 refuses them). Never throws.
 */
export function parseIpv4Datagram(bytes: Uint8Array, opts: { allowEthernetPadding?: boolean } = {}): Ipv4ParseResult {
  const fail = (reason: RejectReason): Ipv4ParseResult => ({ ok: false, reason });
  if (bytes.length < 20) return fail('too-short');
  if (bytes[0] >> 4 !== 4) return fail('not-ipv4');
  const headerLength = (bytes[0] & 0x0f) * 4;
  if (headerLength < 20) return fail('bad-length');
  const totalLength = (bytes[2] << 8) | bytes[3];
  const protocol = bytes[9];
  if (protocol !== IPPROTO_VRRP && protocol !== IPPROTO_AH) return fail('bad-protocol');
  const ahLength = protocol === IPPROTO_AH ? AH_LENGTH : 0;
  if (bytes.length < headerLength + ahLength + VRRP_HEADER_LENGTH) return fail('too-short');
  if (totalLength !== bytes.length) {
    const padding = bytes.length - totalLength;
    // Ethernet pads frames to 60 bytes, i.e. IP datagrams to 46; VLAN tags move that by 4s.
    const padded = opts.allowEthernetPadding && bytes.length <= 46 && padding > 0 && padding % 4 === 2;
    if (!padded || totalLength < headerLength + ahLength + VRRP_HEADER_LENGTH) return fail('bad-length');
  }
  const header: Ipv4Header = {
    headerLength,
    tos: bytes[1],
    totalLength,
    id: (bytes[4] << 8) | bytes[5],
    ttl: bytes[8],
    protocol,
    srcAddress: addressText(bytes, 'ipv4', 12),
    dstAddress: addressText(bytes, 'ipv4', 16),
  };
  let ah: AuthHeader | undefined;
  if (ahLength) {
    const at = headerLength;
    const view = new DataView(bytes.buffer, bytes.byteOffset + at, AH_LENGTH);
    ah = {
      nextHeader: bytes[at],
      payloadLength: bytes[at + 1],
      spi: view.getUint32(4),
      sequence: view.getUint32(8),
      icv: Uint8Array.from(bytes.subarray(at + 12, at + AH_LENGTH)),
    };
    if (ah.nextHeader !== IPPROTO_VRRP) return fail('bad-protocol');
  }
  const payload = Buffer.from(bytes.subarray(headerLength + ahLength, totalLength));
  return ah ? { ok: true, header, ah, payload } : { ok: true, header, payload };
}

/**
 * An IPv4 datagram around a VRRP payload, as keepalived builds it for its IP_HDRINCL socket:
 * TOS 0xc0 (internetwork control), no fragmentation, protocol 112, header checksum filled.
 */
export function buildIpv4Datagram(payload: Uint8Array, o: { srcAddress: string; dstAddress: string; ttl?: number; id?: number; tos?: number }): Buffer {
  const src = addressBytes(o.srcAddress);
  const dst = addressBytes(o.dstAddress);
  if (!src || src.length !== 4 || !dst || dst.length !== 4) throw new RangeError(`${o.srcAddress} -> ${o.dstAddress} is not IPv4`);
  const buf = Buffer.alloc(20 + payload.length);
  buf[0] = 0x45;
  buf[1] = o.tos ?? 0xc0;
  buf.writeUInt16BE(buf.length, 2);
  buf.writeUInt16BE((o.id ?? 0) & 0xffff, 4);
  buf[8] = o.ttl ?? VRRP_TTL;
  buf[9] = IPPROTO_VRRP;
  buf.set(src, 12);
  buf.set(dst, 16);
  buf.writeUInt16BE(internetChecksum(buf.subarray(0, 20)), 10);
  buf.set(payload, 20);
  return buf;
}
