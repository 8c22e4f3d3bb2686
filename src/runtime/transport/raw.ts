/**
 * VRRP over raw IP protocol 112 sockets (npm `raw-socket`), one per interface and family,
 * bound to the interface. IPv4: IP_HDRINCL (we build the header, as keepalived does), TTL 255,
 * multicast loop off, group joined on the interface. IPv6: the kernel fills and verifies the
 * checksum (IPV6_CHECKSUM), hop limit 255, source pinned with a sticky IPV6_PKTINFO.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { addressBytes } from '../vrrp/address.js';
import { ALL_NODES, macBytes, unsolicitedNa } from '../net/ndisc.js';
import type { Endpoint, EndpointSpec, ReceivedPacket, Transport } from '../drivers.js';

interface RawSocket {
  on(event: 'message', fn: (buf: Buffer, source: string) => void): void;
  on(event: 'error', fn: (e: Error) => void): void;
  setOption(level: number, option: number, value: Buffer | number, length?: number): void;
  send(buf: Buffer, offset: number, length: number, address: string, cb: (error: Error | null, bytes: number) => void): void;
  close(): void;
}

interface RawModule {
  createSocket(o: { protocol: number; addressFamily: number; bufferSize?: number }): RawSocket;
  AddressFamily: { IPv4: number; IPv6: number };
}

// Linux constants raw-socket does not export
const SOL_SOCKET = 1;
const SO_BINDTODEVICE = 25;
const SO_RCVBUF = 8;
const IPPROTO_IP = 0;
const IP_TTL = 2;
const IP_HDRINCL = 3;
const IP_MULTICAST_IF = 32;
const IP_MULTICAST_TTL = 33;
const IP_MULTICAST_LOOP = 34;
const IP_ADD_MEMBERSHIP = 35;
const IPPROTO_IPV6 = 41;
const IPV6_CHECKSUM = 7;
const IPV6_UNICAST_HOPS = 16;
const IPV6_MULTICAST_IF = 17;
const IPV6_MULTICAST_HOPS = 18;
const IPV6_MULTICAST_LOOP = 19;
const IPV6_ADD_MEMBERSHIP = 20;
const IPV6_PKTINFO = 50;
const IPPROTO_ICMPV6 = 58;

let cached: RawModule | undefined;

/** raw-socket, or an Error saying why it cannot be used. */
export function loadRawSocket(): RawModule | Error {
  if (cached) return cached;
  try {
    cached = createRequire(import.meta.url)('raw-socket') as RawModule;
    return cached;
  } catch (e) {
    return new Error(`the raw-socket package is not usable (${(e as Error).message.split('\n')[0]}); run 'npm ci' where a C++ compiler is available`);
  }
}

/** A small text file of /sys or /proc, trimmed; undefined when it cannot be read. */
const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
};

export function ifIndex(iface: string): number {
  const index = readText(`/sys/class/net/${iface}/ifindex`);
  if (index === undefined) throw new Error(`interface ${iface} does not exist`);
  return Number.parseInt(index, 10);
}

const int32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n, 0);
  return b;
};

/** raw-socket's internals that drainOnWake uses (checked before use: another version may differ) */
interface RawInternals {
  wrap?: {
    recv?: (buffer: Buffer, cb: (buffer: Buffer, bytes: number, source: string) => void) => void;
    listeners?: (event: string) => unknown[];
    removeAllListeners?: (event: string) => void;
    on?: (event: string, fn: () => void) => void;
  };
  buffer?: Buffer;
}

/** Datagrams read per wake-up at most, so that a flood cannot hold the event loop. */
const DRAIN_MAX = 64;

/**
 * raw-socket reads one datagram each time the socket becomes readable, and every read is a
 * round of the event loop. Adverts of many instances arrive together: this reads what is
 * queued (up to DRAIN_MAX) in one go, until the non-blocking socket says EAGAIN. False when
 * raw-socket is not shaped as expected (the caller then uses its 'message' event).
 */
function drainOnWake(sock: RawSocket, deliver: (buf: Buffer, source: string) => void, fail: (e: Error) => void): boolean {
  const { wrap, buffer } = sock as unknown as RawInternals;
  if (!wrap || !buffer || typeof wrap.recv !== 'function' || typeof wrap.removeAllListeners !== 'function' || typeof wrap.on !== 'function') return false;
  if ((wrap.listeners?.('recvReady').length ?? 0) !== 1) return false;
  const recv = wrap.recv.bind(wrap);
  let got = false;
  const take = (b: Buffer, bytes: number, source: string): void => {
    got = true;
    deliver(b.subarray(0, bytes), source);
  };
  wrap.removeAllListeners('recvReady');
  wrap.on('recvReady', () => {
    for (let i = 0; i < DRAIN_MAX; i++) {
      got = false;
      try {
        recv(buffer, take);
      } catch (e) {
        // nothing more queued; anything else is a real error (after the first read, as raw-socket does)
        if (!/temporarily unavailable|would block/i.test((e as Error).message)) fail(e as Error);
        return;
      }
      if (!got) return;
    }
  });
  return true;
}

export const rawTransport: Transport = {
  open(spec: EndpointSpec, onPacket: (p: ReceivedPacket) => void, onError: (e: Error) => void): Endpoint {
    const raw = loadRawSocket();
    if (raw instanceof Error) throw raw;
    const v4 = spec.family === 'ipv4';
    const index = ifIndex(spec.iface);
    const sock = raw.createSocket({ protocol: 112, addressFamily: v4 ? raw.AddressFamily.IPv4 : raw.AddressFamily.IPv6, bufferSize: 65535 });
    const dev = Buffer.from(`${spec.iface}\0`);
    sock.setOption(SOL_SOCKET, SO_BINDTODEVICE, dev, dev.length);
    sock.setOption(SOL_SOCKET, SO_RCVBUF, int32(1 << 20), 4);
    if (v4) {
      sock.setOption(IPPROTO_IP, IP_HDRINCL, int32(1), 4);
      sock.setOption(IPPROTO_IP, IP_TTL, int32(255), 4);
      const mreqn = Buffer.alloc(12);
      mreqn.writeInt32LE(index, 8);
      sock.setOption(IPPROTO_IP, IP_MULTICAST_IF, mreqn, 12);
      sock.setOption(IPPROTO_IP, IP_MULTICAST_TTL, int32(255), 4);
      sock.setOption(IPPROTO_IP, IP_MULTICAST_LOOP, int32(0), 4);
      for (const g of spec.groups) {
        const m = Buffer.alloc(12);
        Buffer.from(addressBytes(g)!).copy(m, 0);
        m.writeInt32LE(index, 8);
        sock.setOption(IPPROTO_IP, IP_ADD_MEMBERSHIP, m, 12);
      }
    } else {
      sock.setOption(IPPROTO_IPV6, IPV6_CHECKSUM, int32(6), 4);
      sock.setOption(IPPROTO_IPV6, IPV6_MULTICAST_IF, int32(index), 4);
      sock.setOption(IPPROTO_IPV6, IPV6_MULTICAST_HOPS, int32(spec.hopLimit ?? 255), 4);
      sock.setOption(IPPROTO_IPV6, IPV6_UNICAST_HOPS, int32(spec.hopLimit ?? 255), 4);
      sock.setOption(IPPROTO_IPV6, IPV6_MULTICAST_LOOP, int32(0), 4);
      for (const g of spec.groups) {
        const m = Buffer.alloc(20);
        Buffer.from(addressBytes(g)!).copy(m, 0);
        m.writeInt32LE(index, 16);
        sock.setOption(IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, m, 20);
      }
      if (spec.source) {
        const info = Buffer.alloc(20);
        Buffer.from(addressBytes(spec.source)!).copy(info, 0);
        info.writeInt32LE(index, 16);
        sock.setOption(IPPROTO_IPV6, IPV6_PKTINFO, info, 20);
      }
    }
    let closed = false;
    let pending = 0;
    let release: (() => void) | undefined;
    const deliver = (buf: Buffer, source: string): void => {
      if (!closed) onPacket({ iface: spec.iface, family: spec.family, data: Buffer.from(buf), source });
    };
    if (!drainOnWake(sock, deliver, (e) => !closed && onError(e))) sock.on('message', deliver);
    sock.on('error', (e) => {
      if (!closed) onError(e);
    });
    return {
      send(data: Buffer, dst: string): void {
        if (closed) return;
        const to = !v4 && dst.toLowerCase().startsWith('fe80') ? `${dst}%${spec.iface}` : dst;
        pending++;
        sock.send(data, 0, data.length, to, (error) => {
          pending--;
          if (error && !closed) onError(error);
          if (pending === 0) release?.();
        });
      },
      close(): void {
        if (closed) return;
        closed = true;
        // adverts still queued (the priority-0 one at shutdown) go out first; a stuck queue does not hold the exit
        if (pending === 0) sock.close();
        else {
          const timer = setTimeout(() => release?.(), 500);
          release = () => {
            release = undefined;
            clearTimeout(timer);
            sock.close();
          };
        }
      },
    };
  },
};

/**
 * One unsolicited neighbour advertisement for `address` on `iface`, through an ICMPv6 raw
 * socket bound to the interface (the kernel picks the link-local source and fills the
 * checksum). Resolves once the kernel took it.
 */
export function sendUnsolicitedNa(iface: string, address: string): Promise<void> {
  const raw = loadRawSocket();
  if (raw instanceof Error) return Promise.reject(raw);
  // the Router flag as the interface forwards IPv6 (no IPv6 on it: the send below says so)
  const forwarding = readText(`/proc/sys/net/ipv6/conf/${iface}/forwarding`) === '1';
  const message = unsolicitedNa(address, macBytes(readText(`/sys/class/net/${iface}/address`) ?? ''), forwarding);
  return new Promise<void>((resolve, reject) => {
    let sock: RawSocket;
    try {
      const index = ifIndex(iface);
      sock = raw.createSocket({ protocol: IPPROTO_ICMPV6, addressFamily: raw.AddressFamily.IPv6 });
      const dev = Buffer.from(`${iface}\0`);
      sock.setOption(SOL_SOCKET, SO_BINDTODEVICE, dev, dev.length);
      sock.setOption(IPPROTO_IPV6, IPV6_MULTICAST_IF, int32(index), 4);
      sock.setOption(IPPROTO_IPV6, IPV6_MULTICAST_HOPS, int32(255), 4);
      sock.setOption(IPPROTO_IPV6, IPV6_MULTICAST_LOOP, int32(0), 4);
    } catch (e) {
      reject(new Error(`neighbour advertisement on ${iface}: ${(e as Error).message}`));
      return;
    }
    sock.on('error', () => undefined);
    try {
      sock.send(message, 0, message.length, ALL_NODES, (error) => {
        sock.close();
        if (error) reject(new Error(`neighbour advertisement on ${iface}: ${error.message}`));
        else resolve();
      });
    } catch (e) {
      sock.close();
      reject(new Error(`neighbour advertisement on ${iface}: ${(e as Error).message}`));
    }
  });
}
