/**
 * Unsolicited neighbour advertisements (RFC 4861 4.4, 7.2.6) for IPv6 VIPs: what keepalived
 * sends where it sends gratuitous ARP for IPv4. To ff02::1 with hop limit 255, the Override
 * flag set (and Router when the interface forwards IPv6), the VIP as target and the
 * interface's MAC in a target link-layer address option.
 */
import { addressBytes } from '../vrrp/address.js';

export const ICMPV6_NEIGHBOR_ADVERT = 136;
export const ALL_NODES = 'ff02::1';
const FLAG_ROUTER = 0x80;
const FLAG_OVERRIDE = 0x20;
const OPTION_TARGET_LINK_ADDRESS = 2;

/** The octets of a MAC written as `aa:bb:cc:dd:ee:ff`, or undefined. */
export function macBytes(text: string): Uint8Array | undefined {
  const parts = text.trim().split(':');
  if (parts.length !== 6 || !parts.every((p) => /^[0-9a-fA-F]{2}$/.test(p))) return undefined;
  return Uint8Array.from(parts.map((p) => Number.parseInt(p, 16)));
}

/**
 * The ICMPv6 message (no IPv6 header; the checksum left 0, which the kernel fills in on an
 * ICMPv6 raw socket). Without a MAC (an interface with no link-layer address) no option.
 */
export function unsolicitedNa(target: string, mac: Uint8Array | undefined, router: boolean): Buffer {
  const t = addressBytes(target);
  if (!t || t.length !== 16) throw new RangeError(`${target} is not an IPv6 address`);
  const buf = Buffer.alloc(mac ? 32 : 24);
  buf[0] = ICMPV6_NEIGHBOR_ADVERT;
  buf[1] = 0;
  buf[4] = FLAG_OVERRIDE | (router ? FLAG_ROUTER : 0);
  buf.set(t, 8);
  if (mac) {
    buf[24] = OPTION_TARGET_LINK_ADDRESS;
    buf[25] = 1; // length in units of 8 octets
    buf.set(mac, 26);
  }
  return buf;
}
