// IP address helpers for the VRRP core: text <-> network-order bytes, numeric comparison
// (the VRRP tie-break), multicast tests. Validation is node:net's; canonical IPv6 text is
// the WHATWG URL serialiser's (RFC 5952 style: lower case, longest zero run compressed).
import { isIPv4, isIPv6 } from 'node:net';

export type AddressFamily = 'ipv4' | 'ipv6';

/** Bytes of one address of the family: 4 for IPv4, 16 for IPv6. */
export const addressLength = (family: AddressFamily): 4 | 16 => (family === 'ipv4' ? 4 : 16);

/** The family of a textual address, or undefined when it is not an address. */
export function familyOf(text: string): AddressFamily | undefined {
  if (isIPv4(text)) return 'ipv4';
  if (isIPv6(stripZone(text))) return 'ipv6';
  return undefined;
}

const stripZone = (text: string): string => {
  const pct = text.indexOf('%');
  return pct < 0 ? text : text.slice(0, pct);
};

/**
 * Answers for the few addresses a daemon sees again and again (every advert asks about its
 * source and destination): kept until there are too many, then started afresh.
 */
function memo<T>(fn: (text: string) => T, max = 1024): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let v = seen.get(text);
    if (v === undefined && !seen.has(text)) {
      v = fn(text);
      if (seen.size >= max) seen.clear();
      seen.set(text, v);
    }
    return v as T;
  };
}

/**
 * Network-order bytes of an address, or undefined when the text is not an address. The array
 * is shared by every caller asking about the same text: read it, copy it, never change it.
 */
export const addressBytes: (text: string) => Uint8Array | undefined = memo(parseAddress);

function parseAddress(text: string): Uint8Array | undefined {
  if (isIPv4(text)) return Uint8Array.from(text.split('.').map((p) => Number.parseInt(p, 10)));
  const v6 = stripZone(text);
  if (!isIPv6(v6)) return undefined;
  const out = new Uint8Array(16);
  const [headText, tailText] = v6.includes('::') ? v6.split('::') : [v6, undefined];
  const groups = (part: string | undefined): number[] => {
    if (!part) return [];
    const words: number[] = [];
    for (const piece of part.split(':')) {
      if (piece.includes('.')) {
        const b = piece.split('.').map((p) => Number.parseInt(p, 10));
        words.push((b[0] << 8) | b[1], (b[2] << 8) | b[3]);
      } else words.push(Number.parseInt(piece, 16));
    }
    return words;
  };
  const head = groups(headText);
  const tail = groups(tailText);
  const words = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  words.forEach((w, i) => {
    out[2 * i] = w >> 8;
    out[2 * i + 1] = w & 0xff;
  });
  return out;
}

/** Text of an address held in network-order bytes (4 or 16 of them from offset). */
export function addressText(bytes: Uint8Array, family: AddressFamily, offset = 0): string {
  if (family === 'ipv4') return `${bytes[offset]}.${bytes[offset + 1]}.${bytes[offset + 2]}.${bytes[offset + 3]}`;
  const words: string[] = [];
  for (let i = 0; i < 8; i++) words.push(((bytes[offset + 2 * i] << 8) | bytes[offset + 2 * i + 1]).toString(16));
  return new URL(`http://[${words.join(':')}]/`).hostname.slice(1, -1);
}

/** The canonical text of an address (IPv6 compressed, lower case; zone dropped), or the input when invalid. */
export const canonicalAddress: (text: string) => string = memo((text) => {
  const family = familyOf(text);
  const bytes = addressBytes(text);
  return family && bytes ? addressText(bytes, family) : text;
});

/**
 * Unsigned comparison of two addresses in network byte order: -1, 0 or 1. Addresses of
 * different families (or unparsable ones) compare as equal, as keepalived's source-address
 * comparison does when the families differ.
 */
export function compareAddresses(a: string, b: string): -1 | 0 | 1 {
  const x = addressBytes(a);
  const y = addressBytes(b);
  if (!x || !y || x.length !== y.length) return 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i]) return x[i] > y[i] ? 1 : -1;
  }
  return 0;
}

/** Whether an address is multicast: 224.0.0.0/4 or ff00::/8. */
export const isMulticast: (text: string) => boolean = memo((text) => {
  const bytes = addressBytes(text);
  if (!bytes) return false;
  return bytes.length === 4 ? (bytes[0] & 0xf0) === 0xe0 : bytes[0] === 0xff;
});

/** The VRRP multicast groups (RFC 3768 5.2.2, RFC 5798 5.1.2.2). */
export const VRRP_GROUP_IPV4 = '224.0.0.18';
export const VRRP_GROUP_IPV6 = 'ff02::12';
