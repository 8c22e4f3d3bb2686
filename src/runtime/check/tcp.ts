/**
 * Opening a checker's TCP connection as keepalived does (tcp_bind_connect): from bindto/bind_port
 * when given, to connect_ip:connect_port, within connect_timeout. An IPv6 link-local destination
 * is reached through bind_if (as a zone). SO_MARK (the checker's fwmark) is not available to Node.
 */
import { Socket, connect } from 'node:net';
import type { PlanConnection } from '../../compile/plan.js';

export interface ConnectOutcome {
  ok: boolean;
  socket?: Socket;
  message: string;
}

export const target = (c: Pick<PlanConnection, 'address' | 'port'>): string => (c.address.includes(':') ? `[${c.address}]:${c.port}` : `${c.address}:${c.port}`);

/** Connect; on success the socket is returned open (the caller ends it), with no timeout set. */
export function tcpConnect(c: PlanConnection): Promise<ConnectOutcome> {
  return new Promise((resolve) => {
    if (!c.port) {
      resolve({ ok: false, message: 'no port to connect to (port 0)' });
      return;
    }
    const host = c.family === 'ipv6' && /^fe80:/i.test(c.address) && c.bindInterface ? `${c.address}%${c.bindInterface}` : c.address;
    let socket: Socket;
    let settled = false;
    const done = (o: ConnectOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!o.ok) socket.destroy();
      resolve(o);
    };
    try {
      socket = connect({ host, port: c.port, ...(c.bindAddress ? { localAddress: c.bindAddress } : {}), ...(c.bindPort ? { localPort: c.bindPort } : {}) });
    } catch (e) {
      resolve({ ok: false, message: (e as Error).message });
      return;
    }
    const timer = setTimeout(() => done({ ok: false, message: `timeout connecting (${c.timeoutMs} ms)` }), Math.max(1, c.timeoutMs));
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      socket.on('error', () => undefined);
      done({ ok: true, socket, message: 'connected' });
    });
    socket.once('error', (e: NodeJS.ErrnoException) => done({ ok: false, message: e.code === 'ECONNREFUSED' ? 'connection refused' : (e.code ?? e.message) }));
  });
}

/** TCP_CHECK: the connection opens (then it is closed at once). */
export async function tcpCheck(c: PlanConnection): Promise<{ ok: boolean; message: string }> {
  const r = await tcpConnect(c);
  r.socket?.destroy();
  return { ok: r.ok, message: r.ok ? `connected to ${target(c)}` : `${r.message} (${target(c)})` };
}
