/**
 * `kaconf genhash URL` — keepalived's genhash: the MD5 digest of a page's body as an
 * HTTP_GET/SSL_GET url `digest` expects it (the bytes after the header's blank line, no chunked
 * decoding, up to Content-Length). keepalived's own flags work too:
 * `kaconf genhash -s 10.0.0.2 -p 80 -u /health [-S] [-V vhost] [-P 1.1] [-t 5]`.
 *
 * Exit 0 with the digest on stdout; 1 when no answer came (keepalived's genhash exits 0 then);
 * 2 for bad arguments.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { PlanConnection } from '../../compile/plan.js';
import { hostOf, httpGet, requestText } from '../../runtime/check/http.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from '../exit.js';

export interface GenhashArgs {
  url?: string;
  server?: string;
  port?: number;
  path?: string;
  ssl?: boolean;
  sni?: boolean;
  virtualhost?: string;
  protocol?: '1.0' | '1.0c' | '1.0C' | '1.1';
  timeout?: number;
  verbose?: boolean;
}

const NO_TIMEOUT_MS = 2_147_483_647;

interface Target {
  address: string;
  port: number;
  path: string;
  ssl: boolean;
  /** a host name from the URL: the default virtualhost */
  name?: string;
}

async function targetOf(a: GenhashArgs): Promise<Target> {
  if (a.url !== undefined) {
    let u: URL;
    try {
      u = new URL(a.url);
    } catch {
      throw new UsageError(`kaconf: genhash: '${a.url}' is not a URL (http://ADDRESS[:PORT]/PATH)`, EXIT_USAGE);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError(`kaconf: genhash: ${u.protocol} URLs are not checked by keepalived (http: or https:)`, EXIT_USAGE);
    if (a.server !== undefined || a.path !== undefined) throw new UsageError('kaconf: genhash: give a URL, or -s, -p and -u, not both', EXIT_USAGE);
    const host = u.hostname.replace(/^\[|\]$/g, '');
    const ssl = u.protocol === 'https:' || a.ssl === true;
    const port = a.port ?? (u.port ? Number(u.port) : ssl ? 443 : 80);
    const path = `${u.pathname || '/'}${u.search}`;
    if (isIP(host)) return { address: host, port, path, ssl };
    try {
      const r = await lookup(host);
      return { address: r.address, port, path, ssl, name: host };
    } catch (e) {
      throw new UsageError(`kaconf: genhash: cannot resolve ${host}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, EXIT_FINDINGS);
    }
  }
  if (a.server === undefined || a.port === undefined || a.path === undefined) throw new UsageError('kaconf: genhash needs a URL, or -s SERVER -p PORT -u PATH', EXIT_USAGE);
  if (!isIP(a.server)) throw new UsageError(`kaconf: genhash: server should be an IP, not ${a.server}`, EXIT_USAGE);
  if (!Number.isInteger(a.port) || a.port < 1 || a.port > 65535) throw new UsageError(`kaconf: genhash: invalid port number '${a.port}'`, EXIT_USAGE);
  return { address: a.server, port: a.port, path: a.path, ssl: a.ssl === true };
}

export async function runGenhash(a: GenhashArgs): Promise<number> {
  const t = await targetOf(a);
  if (a.timeout !== undefined && (!Number.isFinite(a.timeout) || a.timeout < 0)) throw new UsageError(`kaconf: genhash: invalid timeout '${a.timeout}'`, EXIT_USAGE);
  const connection: PlanConnection = {
    address: t.address,
    port: t.port,
    family: isIP(t.address) === 6 ? 'ipv6' : 'ipv4',
    bindAddress: null,
    bindPort: null,
    bindInterface: null,
    timeoutMs: a.timeout ? Math.min(NO_TIMEOUT_MS, a.timeout * 1000) : NO_TIMEOUT_MS,
    fwmark: null,
  };
  const protocol = a.protocol === '1.1' ? '1.1' : a.protocol === '1.0c' || a.protocol === '1.0C' ? '1.0C' : '1.0';
  const vhost = a.virtualhost ?? t.name;
  const host = vhost ?? hostOf(connection);
  const started = performance.now();
  const r = await httpGet({ connection, path: t.path, host, protocol, tls: t.ssl ? { ...(a.sni && vhost ? { servername: vhost } : {}) } : false, maxBody: 0 });
  if (!r.ok) {
    process.stderr.write(`kaconf: genhash: ${r.message}\n`);
    return EXIT_FINDINGS;
  }
  if (a.verbose) {
    const out = process.stdout;
    out.write(`request (${t.ssl ? 'TLS' : 'plain'} to ${hostOf(connection)}):\n${requestText(t.path, host, protocol).replace(/\r\n/g, '\n')}`);
    out.write(`response header:\n${r.header.replace(/\r\n/g, '\n')}\n\n`);
    out.write(`status ${r.status || '(none)'}, ${r.received} body bytes${r.contentLength !== null ? `, Content-Length ${r.contentLength}` : ''}\n`);
    out.write(`response time ${Math.round((performance.now() - started) * 1000)} usecs\n`);
    out.write(`MD5SUM = ${r.digest}\n`);
    return EXIT_OK;
  }
  process.stdout.write(`${r.digest}\n`);
  return EXIT_OK;
}
