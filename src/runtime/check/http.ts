/**
 * HTTP_GET / SSL_GET requests as keepalived sends and reads them (check_http.c, check_ssl.c,
 * lib/html.c), and `kaconf genhash`'s digest:
 *
 * - the request: `GET PATH HTTP/1.0`, `User-Agent: KeepAliveClient`, `Connection: close` for
 *   1.0C and 1.1, `Host:` the virtualhost, else the address and port connected to;
 * - the response is read to the end of the connection, each read within connect_timeout;
 * - the status code is the three digits after the first space of the status line;
 * - the digest is the MD5 of the bytes after the header's blank line, as received (no chunked
 *   decoding), stopping at Content-Length when the header has one (spelled exactly so);
 * - SSL_GET does not verify the server's certificate (keepalived sets no verify mode); SNI only
 *   with enable_sni; the SSL block's certificate, key and CA are offered.
 */
import { createHash } from 'node:crypto';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import type { Socket } from 'node:net';
import type { PlanConnection, PlanUrl } from '../../compile/plan.js';
import { tcpConnect, target } from './tcp.js';

export interface TlsMaterial {
  servername?: string;
  cert?: Buffer;
  key?: Buffer;
  passphrase?: string;
  ca?: Buffer;
}

export interface HttpGetOptions {
  connection: PlanConnection;
  path: string;
  /** Host header: a virtualhost, or address:port */
  host: string;
  protocol: '1.0' | '1.0C' | '1.1';
  tls?: TlsMaterial | false;
  /** body bytes kept for regex matching (the digest covers all) */
  maxBody?: number;
}

export type HttpGetResult =
  | { ok: false; stage: 'connect' | 'tls' | 'send' | 'read' | 'empty'; message: string }
  | { ok: true; status: number; header: string; contentLength: number | null; received: number; digest: string; body: Buffer };

/** The request keepalived sends (request_template / request_template_ipv6). */
export function requestText(path: string, host: string, protocol: HttpGetOptions['protocol']): string {
  return `GET ${path} HTTP/1.${protocol === '1.1' ? 1 : 0}\r\nUser-Agent: KeepAliveClient\r\n${protocol === '1.1' || protocol === '1.0C' ? 'Connection: close\r\n' : ''}Host: ${host}\r\n\r\n`;
}

/** Host header value without a virtualhost: the address and port connected to (IPv6 in brackets). */
export const hostOf = (c: Pick<PlanConnection, 'address' | 'port'>): string => target(c);

/** extract_status_code: the three digits between the first space and the next one; 0 when not so. */
export function statusCode(header: string): number {
  const sp = header.search(/[ \r]/);
  if (sp < 0 || header[sp] !== ' ') return 0;
  const rest = header.slice(sp + 1);
  if (rest.length <= 3 || rest[0] === ' ' || rest[3] !== ' ' || !/^\d{3}$/.test(rest.slice(0, 3))) return 0;
  return Number(rest.slice(0, 3));
}

/** extract_content_length: `Content-Length:` (case-sensitive) then digits ending the line; null = none. */
export function contentLength(header: string): number | null {
  const i = header.indexOf('Content-Length:');
  if (i < 0) return null;
  const m = /^[ \t]*\+?(\d+)/.exec(header.slice(i + 15));
  if (!m) return null;
  const after = header[i + 15 + m[0].length];
  if (after !== undefined && after !== '\r' && after !== '\n') return null;
  return Number(m[1]);
}

export function httpGet(o: HttpGetOptions): Promise<HttpGetResult> {
  return new Promise((resolve) => {
    void (async () => {
      const tcp = await tcpConnect(o.connection);
      if (!tcp.ok || !tcp.socket) {
        resolve({ ok: false, stage: 'connect', message: `error connecting to ${target(o.connection)}: ${tcp.message}` });
        return;
      }
      let sock: Socket | TLSSocket = tcp.socket;
      let settled = false;
      const finish = (r: HttpGetResult): void => {
        if (settled) return;
        settled = true;
        sock.destroy();
        tcp.socket!.destroy();
        resolve(r);
      };
      const idle = Math.max(1, o.connection.timeoutMs);
      if (o.tls) {
        const t = o.tls;
        const secure = tlsConnect({
          socket: tcp.socket,
          rejectUnauthorized: false,
          ...(t.servername ? { servername: t.servername } : {}),
          ...(t.cert ? { cert: t.cert } : {}),
          ...(t.key ? { key: t.key } : {}),
          ...(t.passphrase ? { passphrase: t.passphrase } : {}),
          ...(t.ca ? { ca: t.ca } : {}),
        });
        sock = secure;
        secure.setTimeout(idle, () => finish({ ok: false, stage: 'tls', message: `timeout in the SSL handshake with ${target(o.connection)}` }));
        const ok = await new Promise<string | null>((res) => {
          secure.once('secureConnect', () => res(null));
          secure.once('error', (e) => res(e.message));
        });
        if (ok !== null) {
          finish({ ok: false, stage: 'tls', message: `SSL handshake/communication error connecting to ${target(o.connection)}: ${ok}` });
          return;
        }
      }
      const md5 = createHash('md5');
      const maxBody = o.maxBody ?? 1 << 20;
      let head = Buffer.alloc(0);
      let header: string | null = null;
      let status = 0;
      let length: number | null = null;
      let received = 0;
      let hashed = 0;
      const kept: Buffer[] = [];
      let keptBytes = 0;
      const body = (chunk: Buffer): void => {
        received += chunk.length;
        const take = length === null ? chunk.length : Math.max(0, Math.min(chunk.length, length - hashed));
        if (take > 0) {
          md5.update(chunk.subarray(0, take));
          hashed += take;
        }
        if (keptBytes < maxBody) {
          const part = chunk.subarray(0, maxBody - keptBytes);
          kept.push(part);
          keptBytes += part.length;
        }
      };
      const done = (): void => {
        if (settled) return;
        if (header === null) finish({ ok: false, stage: 'empty', message: `no data received from ${target(o.connection)}` });
        else finish({ ok: true, status, header, contentLength: length, received, digest: md5.digest('hex'), body: Buffer.concat(kept) });
      };
      sock.setTimeout(idle, () => finish({ ok: false, stage: 'read', message: `timeout reading from ${target(o.connection)} (${idle} ms)` }));
      sock.on('data', (chunk: Buffer) => {
        if (header !== null) return body(chunk);
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        header = head.subarray(0, end).toString('latin1');
        status = statusCode(header);
        // keepalived looks for the header in the whole buffer read so far
        length = contentLength(head.toString('latin1'));
        body(head.subarray(end + 4));
      });
      sock.on('end', done);
      sock.on('close', done);
      sock.on('error', (e) => {
        // SSL: an error after the header was read still counts as an answer (keepalived ssl_read_thread)
        if (o.tls && header !== null) done();
        else finish({ ok: false, stage: 'read', message: `read error with ${target(o.connection)}: ${e.message}` });
      });
      try {
        sock.write(requestText(o.path, o.host, o.protocol));
      } catch (e) {
        finish({ ok: false, stage: 'send', message: `cannot send the request to ${target(o.connection)}: ${(e as Error).message}` });
      }
    })();
  });
}

const PCRE_FLAGS: Record<string, string> = { caseless: 'i', multiline: 'm', dotall: 's', utf: 'u' };

/** One url's verdict on a response (http_handle_response): status code, then digest, then regex. */
export function urlVerdict(url: PlanUrl, r: HttpGetResult): { ok: boolean; message: string } {
  if (!r.ok) return { ok: false, message: r.message };
  if (!url.statusCodes.some(([lo, hi]) => r.status >= lo && r.status <= hi)) return { ok: false, message: `HTTP status code error: ${r.status || 'no status'} for ${url.path}` };
  if (url.digest && r.digest !== url.digest) return { ok: false, message: `MD5 digest error for ${url.path}: ${r.digest}, expected ${url.digest}` };
  if (url.regex) {
    let matched = false;
    try {
      const flags = [...new Set(url.regex.options.map((o) => PCRE_FLAGS[o] ?? '').join(''))].join('');
      const end = url.regex.maxOffset ?? r.body.length;
      matched = new RegExp(url.regex.pattern, flags).test(r.body.subarray(url.regex.minOffset, end).toString('latin1'));
    } catch {
      matched = false;
    }
    if (matched === url.regex.noMatch) return { ok: false, message: `regex ${url.regex.noMatch ? 'matched' : 'did not match'} for ${url.path}` };
  }
  return { ok: true, message: `HTTP status ${r.status} for ${url.path}${url.digest ? ', digest matches' : ''}` };
}
