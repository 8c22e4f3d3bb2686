/**
 * The LVS part of a Document → the plan's `ipvs` block: virtual servers (address/port, fwmark,
 * virtual_server_group), real servers, sorry server and checkers, with keepalived's defaults and
 * the corrections its checker process makes after reading the config (check_data.c
 * validate_check_config): default scheduler and forwarding method, inherited timers and weights,
 * zero port → persistent, quorum and hysteresis lowered, ports of DR/TUN and fwmark servers.
 */
import type { Document } from '../model/build.js';
import { familyOf, type AddressFamily } from '../runtime/vrrp/address.js';
import { splitCommand } from './command.js';
import type {
  IpvsProtocol,
  PlanChecker,
  PlanCheckerTiming,
  PlanCommand,
  PlanConnection,
  PlanDestination,
  PlanForwarding,
  PlanIpvs,
  PlanIpvsService,
  PlanPersistence,
  PlanRealServer,
  PlanUrl,
  PlanVirtualServer,
} from './plan.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as unknown[]).filter((x): x is Obj => !!x && typeof x === 'object') : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const flag = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const ms = (seconds: number): number => Math.round(seconds * 1_000_000) / 1000;

/** keepalived keeps an address up to the first '-' or '/' (the rest is silently dropped). */
const bare = (a: string): string => a.replace(/[-/].*$/, '');

const DEFAULT_DELAY_LOOP_S = 60;
const DEFAULT_CONNECT_TIMEOUT_S = 5;
const PERSISTENT_TIMEOUT_S = 360;
const DEFAULT_SCHEDULER = 'wlc';
/** at most this many IPVS services from one virtual_server_group */
const MAX_GROUP_SERVICES = 65_536;

/** Checkers kaconf runs; the others are listed as unsupported on their real server. */
const RUN_CHECKERS = ['TCP_CHECK', 'HTTP_GET', 'SSL_GET', 'MISC_CHECK'] as const;
const OTHER_CHECKERS = ['SMTP_CHECK', 'DNS_CHECK', 'UDP_CHECK', 'PING_CHECK', 'FILE_CHECK', 'BFD_CHECK'];

function command(v: unknown, user?: Obj): PlanCommand | undefined {
  const o = obj(v);
  const text = str(o.script) ?? str(v);
  if (text === undefined) return undefined;
  const argv = splitCommand(text);
  if (!argv.length) return undefined;
  const out: PlanCommand = { text, argv };
  const u = str(o.username) ?? str(user?.user) ?? str(user?.username);
  const g = str(o.groupname) ?? str(user?.group) ?? str(user?.groupname);
  if (u) out.user = u;
  if (g) out.group = g;
  return out;
}

function forwardingOf(v: unknown): PlanForwarding | undefined {
  const o = obj(v);
  const method = str(o.method);
  if (method !== 'NAT' && method !== 'DR' && method !== 'TUN') return undefined;
  const f: PlanForwarding = { method };
  if (method !== 'TUN') return f;
  const type = str(o.tunnel_type);
  if (type === 'gue' || type === 'gre') f.tunnelType = type;
  if (num(o.tunnel_port) !== undefined && type === 'gue') f.tunnelPort = num(o.tunnel_port)!;
  if (type === 'gue' || type === 'gre') {
    if (o.remcsum === true && type === 'gue') f.tunnelChecksum = 'remcsum';
    else if (o.csum === true) f.tunnelChecksum = 'csum';
  }
  return f;
}

const protoName = (p: IpvsProtocol | null): string => (p ? p.toLowerCase() : 'none');
const trio = (address: string, port: number, p: IpvsProtocol | null): string => `[${address}]:${protoName(p)}:${port}`;

// ----- address arithmetic for virtual_server_group ranges ------------------------------------

function toBig(a: string, family: AddressFamily): bigint {
  if (family === 'ipv4') return a.split('.').reduce((acc, p) => (acc << 8n) | BigInt(Number.parseInt(p, 10)), 0n);
  const url = new URL(`http://[${a}]/`).hostname.slice(1, -1);
  const [head, tail] = url.includes('::') ? url.split('::') : [url, undefined];
  const words = (s: string | undefined): number[] => (s ? s.split(':').map((w) => Number.parseInt(w, 16)) : []);
  const h = words(head);
  const t = words(tail);
  const all = [...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t];
  return all.reduce((acc, w) => (acc << 16n) | BigInt(w), 0n);
}

function fromBig(n: bigint, family: AddressFamily): string {
  if (family === 'ipv4') return [24n, 16n, 8n, 0n].map((s) => ((n >> s) & 0xffn).toString()).join('.');
  const words: string[] = [];
  for (let i = 7; i >= 0; i--) words.push(((n >> BigInt(i * 16)) & 0xffffn).toString(16));
  return new URL(`http://[${words.join(':')}]/`).hostname.slice(1, -1);
}

/** First and last address of a group entry (address, address-END, address/PREFIX). */
function entryRange(e: Obj, family: AddressFamily): [bigint, bigint] | undefined {
  const start = toBig(bare(str(e.address)!), family);
  const bits = family === 'ipv4' ? 32 : 128;
  const prefix = num(e.prefix);
  if (prefix !== undefined) {
    const host = (1n << BigInt(bits - prefix)) - 1n;
    return [start, start | host];
  }
  const end = str(e.range_end) ?? (num(e.range_end) !== undefined ? String(num(e.range_end)) : undefined);
  if (end === undefined) return [start, start];
  if (familyOf(end) === family) return [start, toBig(end, family)];
  // a last octet (IPv4, decimal) or a last group (IPv6, hex)
  const v = family === 'ipv4' ? Number.parseInt(end, 10) : Number.parseInt(end, 16);
  if (!Number.isFinite(v)) return undefined;
  const width = family === 'ipv4' ? 8n : 16n;
  const mask = (1n << width) - 1n;
  return [start, (start & ~mask) | BigInt(v)];
}

// ----- the block ----------------------------------------------------------------------------

export interface IpvsContext {
  warn: (message: string) => void;
  /** global_defs script_user (MISC_CHECK scripts without `user` run as it) */
  scriptUser: { user: string; group?: string } | null;
}

/** The plan's ipvs block, or undefined when the config has no virtual server. */
export function compileIpvs(doc: Document, ctx: IpvsContext): PlanIpvs | undefined {
  const list = arr(doc.virtual_server);
  if (!list.length) return undefined;
  const g = obj(doc.global_defs);
  const groups = obj(doc.virtual_server_group);
  const ssl = obj(doc.SSL);
  const out: PlanIpvs = {
    virtualServers: [],
    ssl: Object.keys(ssl).length
      ? {
          ...(str(ssl.ca) ? { ca: str(ssl.ca)! } : {}),
          ...(str(ssl.certificate) ? { certificate: str(ssl.certificate)! } : {}),
          ...(str(ssl.key) ? { key: str(ssl.key)! } : {}),
          ...(str(ssl.password) ? { password: str(ssl.password)! } : {}),
        }
      : null,
    logAllFailures: flag(g.checker_log_all_failures) ?? false,
    rsInitNotifies: flag(g.rs_init_notifies) ?? false,
  };
  for (const k of ['lvs_sync_daemon', 'lvs_timeouts', 'lvs_flush', 'lvs_notify_fifo']) {
    if (g[k] !== undefined) ctx.warn(`global_defs ${k}: not carried out by kaconf run yet`);
  }
  for (const raw of list) {
    const vs = compileVirtualServer(raw, groups, ctx);
    if (vs) out.virtualServers.push(vs);
  }
  return out;
}

function compileVirtualServer(v: Obj, groups: Obj, ctx: IpvsContext): PlanVirtualServer | undefined {
  const warn = ctx.warn;
  const explicitFamily: AddressFamily | undefined = v.ip_family === 'inet' ? 'ipv4' : v.ip_family === 'inet6' ? 'ipv6' : undefined;
  const rawProto = str(v.protocol)?.toUpperCase();
  let protocol: IpvsProtocol | null = rawProto === 'TCP' || rawProto === 'UDP' || rawProto === 'SCTP' ? rawProto : null;
  const persistenceTimeout = v.persistence_timeout === true ? PERSISTENT_TIMEOUT_S : num(v.persistence_timeout);
  const granularity = str(v.persistence_granularity) ?? num(v.persistence_granularity) ?? null;
  let persistence: PlanPersistence | null =
    persistenceTimeout !== undefined || granularity !== null
      ? { timeoutS: persistenceTimeout ?? PERSISTENT_TIMEOUT_S, granularity, engine: str(v.persistence_engine) ?? null }
      : null;
  const forwarding = forwardingOf(v.lb_kind ?? v.lvs_method) ?? { method: 'NAT' as const };
  const scheduler = str(v.lb_algo) ?? str(v.lvs_sched) ?? DEFAULT_SCHEDULER;

  let key: PlanVirtualServer['key'];
  let family: AddressFamily | undefined = explicitFamily;
  let services: PlanIpvsService[] = [];
  let name: string;
  let fwmarkOnly = false;
  let hasFwmark = false;
  if (str(v.group) !== undefined) {
    const gname = str(v.group)!;
    key = { group: gname };
    name = `[${gname}]`;
    const entries = groups[gname];
    if (!Array.isArray(entries)) {
      warn(`virtual_server group ${gname}: no such virtual_server_group; the virtual server is ignored (as keepalived does)`);
      return undefined;
    }
    const addressEntries = arr(entries).filter((e) => str(e.address) !== undefined);
    const markEntries = arr(entries).filter((e) => num(e.fwmark) !== undefined);
    hasFwmark = markEntries.length > 0;
    fwmarkOnly = addressEntries.length === 0 && hasFwmark;
    family ??= addressEntries.map((e) => familyOf(bare(str(e.address)!))).find((f) => f !== undefined);
    if (!fwmarkOnly && protocol === null) protocol = 'UDP';
    if (!persistence && addressEntries.some((e) => !num(e.port))) persistence = { timeoutS: PERSISTENT_TIMEOUT_S, granularity, engine: str(v.persistence_engine) ?? null };
    for (const e of addressEntries) {
      const f = familyOf(bare(str(e.address)!));
      if (!f) continue;
      const range = entryRange(e, f);
      if (!range) continue;
      for (let a = range[0]; a <= range[1]; a++) {
        if (services.length >= MAX_GROUP_SERVICES) {
          warn(`virtual_server group ${gname}: more than ${MAX_GROUP_SERVICES} services; the rest are ignored`);
          break;
        }
        services.push({ family: f, protocol, address: fromBig(a, f), port: num(e.port) ?? 0, fwmark: null });
      }
    }
    for (const e of markEntries) {
      const f: AddressFamily = e.family === 'inet6' ? 'ipv6' : e.family === 'inet' ? 'ipv4' : (family ?? 'ipv4');
      services.push({ family: f, protocol: null, address: null, port: 0, fwmark: num(e.fwmark)! });
    }
  } else if (num(v.fwmark) !== undefined) {
    const mark = num(v.fwmark)!;
    key = { fwmark: mark };
    name = `FWM ${mark}`;
    fwmarkOnly = true;
    hasFwmark = true;
  } else {
    const address = bare(str(v.address) ?? '');
    const f = familyOf(address);
    if (!f) {
      warn(`virtual_server ${String(v.address)}: not an address; ignored`);
      return undefined;
    }
    family ??= f;
    const port = num(v.port) ?? 0;
    key = { address, port };
    if (protocol === null) protocol = 'UDP';
    name = trio(address, port, protocol);
    // keepalived: a zero port is only valid for persistent services - it makes the service persistent
    if (!persistence && port === 0) persistence = { timeoutS: PERSISTENT_TIMEOUT_S, granularity, engine: str(v.persistence_engine) ?? null };
    services = [{ family: f, protocol, address, port, fwmark: null }];
  }
  if (fwmarkOnly) protocol = null;

  const rsRaw = arr(v.real_server);
  const sorryRaw = v.sorry_server && typeof v.sorry_server === 'object' ? obj(v.sorry_server) : undefined;
  // a fwmark service's family comes from its servers when not given
  family ??= [...rsRaw, ...(sorryRaw ? [sorryRaw] : [])].map((s) => familyOf(bare(str(s.address) ?? ''))).find((f) => f !== undefined) ?? 'ipv4';
  if (!('group' in key) && 'fwmark' in key) services = [{ family, protocol: null, address: null, port: 0, fwmark: key.fwmark }];
  for (const s of services) if (s.fwmark !== null && !('group' in key)) s.family = family;

  const vsPort = 'port' in key ? key.port : 0;
  const delayLoopS = num(v.delay_loop) ?? DEFAULT_DELAY_LOOP_S;
  const connectTimeoutS = num(v.connect_timeout) ?? DEFAULT_CONNECT_TIMEOUT_S;
  const vsWeight = num(v.weight) ?? 1;
  const vsInhibit = v.inhibit_on_failure === true;
  const vsAlpha = v.alpha === true;
  const haSuspend = v.ha_suspend === true && !hasFwmark;
  if (v.ha_suspend === true && hasFwmark) warn(`virtual server ${name}: ha_suspend cannot be used with fwmarks; cleared (as keepalived does)`);

  /** keepalived's port corrections (validate_check_config): DR/TUN and fwmark servers */
  const portFor = (configured: number, method: PlanForwarding['method']): number => {
    if (!('port' in key)) return method === 'NAT' || !('fwmark' in key) ? configured : 0;
    if (method === 'NAT') return configured || vsPort;
    return vsPort;
  };

  const realServers: PlanRealServer[] = [];
  const seen = new Set<string>();
  for (const r of rsRaw) {
    const address = bare(str(r.address) ?? '');
    const f = familyOf(address);
    if (!f) continue;
    const fw = forwardingOf(r.lvs_method) ?? forwarding;
    if (fw.method !== 'TUN' && f !== family) {
      warn(`virtual server ${name}: real server ${address} is not of the service's family; skipped (as keepalived does)`);
      continue;
    }
    const configuredPort = num(r.port) ?? 0;
    const port = portFor(configuredPort, fw.method);
    const id = `${address} ${port}`;
    if (seen.has(id)) {
      warn(`virtual server ${name}: real server ${trio(address, port, protocol)} is duplicated; the second is removed (as keepalived does)`);
      continue;
    }
    seen.add(id);
    const rs = compileRealServer(r, {
      address,
      family: f,
      port,
      configuredPort,
      forwarding: fw,
      name: trio(address, port, protocol),
      vs: v,
      vsName: `virtual server ${name}`,
      delayLoopS,
      connectTimeoutS,
      vsWeight,
      vsInhibit,
      vsAlpha,
      ctx,
    });
    realServers.push(rs);
  }

  let sorryServer: PlanDestination | null = null;
  if (sorryRaw) {
    const address = bare(str(sorryRaw.address) ?? '');
    const f = familyOf(address);
    const fw = forwardingOf(v.sorry_server_lvs_method) ?? forwarding;
    if (f && (fw.method === 'TUN' || f === family)) {
      const configured = num(sorryRaw.port) ?? 0;
      sorryServer = {
        address,
        port: portFor(configured, fw.method),
        family: f,
        forwarding: fw,
        weight: 1,
        uThreshold: 0,
        lThreshold: 0,
        inhibitOnFailure: v.sorry_server_inhibit === true,
      };
      const same = realServers.find((r) => r.address === address && r.port === sorryServer!.port);
      if (same && same.inhibitOnFailure !== sorryServer.inhibitOnFailure) sorryServer.inhibitOnFailure = same.inhibitOnFailure;
    } else if (f) warn(`virtual server ${name}: the sorry server is not of the service's family; skipped (as keepalived does)`);
  }

  const weightSum = realServers.reduce((s, r) => s + r.weight, 0);
  let quorum = num(v.quorum) ?? 1;
  if (quorum > weightSum) quorum = weightSum;
  let hysteresis = num(v.hysteresis) ?? 0;
  if (hysteresis >= quorum) hysteresis = Math.max(0, quorum - 1);

  let schedFlags: string[] = [];
  const bit1 = v['flag-1'] === true || (scheduler === 'sh' && v['sh-fallback'] === true) || (scheduler === 'mh' && v['mh-fallback'] === true);
  const bit2 = v['flag-2'] === true || (scheduler === 'sh' && v['sh-port'] === true) || (scheduler === 'mh' && v['mh-port'] === true);
  const bit3 = v['flag-3'] === true;
  const names = scheduler === 'sh' || scheduler === 'mh' ? [`${scheduler}-fallback`, `${scheduler}-port`] : ['flag-1', 'flag-2'];
  if (bit1) schedFlags.push(names[0]!);
  if (bit2) schedFlags.push(names[1]!);
  if (bit3) schedFlags.push('flag-3');
  schedFlags = [...new Set(schedFlags)];

  const unsupported: string[] = [];
  if (v.smtp_alert === true) unsupported.push('smtp_alert');

  const out: PlanVirtualServer = {
    name,
    key,
    family,
    protocol,
    services,
    scheduler,
    schedFlags,
    // one-packet scheduling needs UDP (or a firewall mark)
    ops: v.ops === true && (fwmarkOnly || protocol === 'UDP'),
    persistence,
    forwarding,
    delayLoopMs: ms(delayLoopS),
    connectTimeoutMs: ms(connectTimeoutS),
    quorum,
    hysteresis,
    alpha: vsAlpha,
    omega: v.omega === true,
    haSuspend,
    virtualhost: str(v.virtualhost) ?? null,
    sorryServer,
    realServers,
  };
  const qu = command(v.quorum_up);
  const qd = command(v.quorum_down);
  if (qu) out.quorumUp = qu;
  if (qd) out.quorumDown = qd;
  if (unsupported.length) {
    out.unsupported = unsupported;
    for (const u of unsupported) warn(`virtual server ${name}: ${u} is not carried out by kaconf run yet`);
  }
  return out;
}

interface RsContext {
  address: string;
  family: AddressFamily;
  port: number;
  configuredPort: number;
  forwarding: PlanForwarding;
  name: string;
  vs: Obj;
  vsName: string;
  delayLoopS: number;
  connectTimeoutS: number;
  vsWeight: number;
  vsInhibit: boolean;
  vsAlpha: boolean;
  ctx: IpvsContext;
}

function compileRealServer(r: Obj, c: RsContext): PlanRealServer {
  const v = c.vs;
  const alpha = flag(r.alpha) ?? c.vsAlpha;
  // unset values stay unset down to the checker, which has its own defaults
  const retry = num(r.retry) ?? num(v.retry);
  const dbr = num(r.delay_before_retry) ?? num(v.delay_before_retry);
  const warmup = num(r.warmup) ?? num(v.warmup);
  const delayLoopS = num(r.delay_loop) ?? c.delayLoopS;
  const connectTimeoutS = num(r.connect_timeout) ?? c.connectTimeoutS;
  const virtualhost = str(r.virtualhost) ?? null;
  const rs: PlanRealServer = {
    name: c.name,
    address: c.address,
    port: c.port,
    family: c.family,
    forwarding: c.forwarding,
    weight: num(r.weight) ?? c.vsWeight,
    uThreshold: num(r.uthreshold) ?? 0,
    lThreshold: num(r.lthreshold) ?? 0,
    inhibitOnFailure: flag(r.inhibit_on_failure) ?? c.vsInhibit,
    alpha,
    virtualhost,
    checkers: [],
  };
  const up = command(r.notify_up);
  const down = command(r.notify_down);
  if (up) rs.notifyUp = up;
  if (down) rs.notifyDown = down;

  const timing = (ch: Obj, defaults: { retry: number; dbrS: number }): PlanCheckerTiming => {
    const dl = num(ch.delay_loop) ?? delayLoopS;
    return {
      alpha: flag(ch.alpha) ?? alpha,
      retry: num(ch.retry) ?? retry ?? defaults.retry,
      delayLoopMs: ms(dl),
      delayBeforeRetryMs: ms(num(ch.delay_before_retry) ?? dbr ?? defaults.dbrS),
      warmupMs: ms(num(ch.warmup) ?? warmup ?? dl),
      logAllFailures: flag(ch.log_all_failures) ?? false,
    };
  };
  const connection = (ch: Obj, type: string): PlanConnection => {
    const address = bare(str(ch.connect_ip) ?? c.address);
    const bindIf = str(ch.bind_if) ?? null;
    const conn: PlanConnection = {
      address,
      // the checker copies the real server's port as written (keepalived queue_checker), not the corrected one
      port: num(ch.connect_port) ?? c.configuredPort,
      family: familyOf(address) ?? c.family,
      bindAddress: str(ch.bindto) ? bare(str(ch.bindto)!) : null,
      bindPort: num(ch.bind_port) ?? null,
      bindInterface: bindIf,
      timeoutMs: ms(num(ch.connect_timeout) ?? connectTimeoutS),
      fwmark: num(ch.fwmark) ?? null,
    };
    if (conn.fwmark !== null) c.ctx.warn(`${c.vsName}, real server ${c.name}, ${type}: fwmark (SO_MARK) on checker connections is not carried out by kaconf run yet; ignored`);
    if (bindIf && !/^fe80:/i.test(address)) c.ctx.warn(`${c.vsName}, real server ${c.name}, ${type}: bind_if is only used for IPv6 link-local destinations by kaconf run; ignored`);
    return conn;
  };

  for (const type of RUN_CHECKERS) {
    for (const ch of arr(r[type])) {
      if (type === 'TCP_CHECK') {
        rs.checkers.push({ type, ...timing(ch, { retry: 1, dbrS: 1 }), connection: connection(ch, type) });
      } else if (type === 'HTTP_GET' || type === 'SSL_GET') {
        const urls = arr(ch.url)
          .map((u) => urlOf(u, (m) => c.ctx.warn(`${c.vsName}, real server ${c.name}, ${type}: ${m}`)))
          .filter((u): u is PlanUrl => u !== undefined);
        if (!urls.length) {
          c.ctx.warn(`${c.vsName}, real server ${c.name}, ${type}: no url; the checker is ignored (as keepalived does)`);
          continue;
        }
        const p = str(ch.http_protocol);
        rs.checkers.push({
          type,
          ...timing(ch, { retry: 1, dbrS: 3 }),
          connection: connection(ch, type),
          urls,
          virtualhost: str(ch.virtualhost) ?? null,
          protocol: p === '1.1' ? '1.1' : p === '1.0C' || p === '1.0c' ? '1.0C' : '1.0',
          enableSni: ch.enable_sni === true,
          fastRecovery: ch.fast_recovery === true,
          tlsCompliant: ch.tls_compliant === true,
        });
      } else {
        const user = ch.user && typeof ch.user === 'object' ? obj(ch.user) : c.ctx.scriptUser ? { user: c.ctx.scriptUser.user, ...(c.ctx.scriptUser.group ? { group: c.ctx.scriptUser.group } : {}) } : undefined;
        const cmd = command(str(ch.misc_path) ?? '', user);
        if (!cmd) {
          c.ctx.warn(`${c.vsName}, real server ${c.name}, MISC_CHECK: no misc_path; the checker is ignored (as keepalived does)`);
          continue;
        }
        const timeoutS = num(ch.misc_timeout) || c.delayLoopS;
        rs.checkers.push({ type, ...timing(ch, { retry: 0, dbrS: 1 }), command: cmd, timeoutMs: ms(timeoutS), dynamic: ch.misc_dynamic === true });
      }
    }
  }
  const others = OTHER_CHECKERS.filter((t) => arr(r[t]).length > 0);
  if (others.length) {
    rs.unsupported = others;
    for (const t of others) c.ctx.warn(`${c.vsName}, real server ${c.name}, ${t}: not carried out by kaconf run yet; the real server's health ignores it`);
  }
  return rs;
}

function urlOf(u: Obj, warn: (m: string) => void): PlanUrl | undefined {
  const path = str(u.path);
  if (path === undefined) return undefined;
  const codes: [number, number][] = [];
  for (const w of Array.isArray(u.status_code) ? (u.status_code as unknown[]) : u.status_code !== undefined ? [u.status_code] : []) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(String(w).trim());
    if (!m) continue;
    const lo = Number(m[1]);
    const hi = m[2] !== undefined ? Number(m[2]) : lo;
    if (lo < 100 || hi > 599 || lo > hi) continue;
    codes.push([lo, hi]);
  }
  const digest = str(u.digest);
  let regex = str(u.regex);
  if (regex !== undefined) {
    try {
      new RegExp(regex);
    } catch (e) {
      // keepalived drops a regex PCRE2 cannot compile (logged only); kaconf matches with JavaScript's engine
      warn(`url ${path}: regex ${JSON.stringify(regex)} is not a regular expression kaconf can run (${(e as Error).message}); the url is checked without it`);
      regex = undefined;
    }
  }
  return {
    path,
    digest: digest && /^[0-9a-fA-F]{32}$/.test(digest) ? digest.toLowerCase() : null,
    statusCodes: codes.length ? codes : [[200, 299]],
    virtualhost: str(u.virtualhost) ?? null,
    regex:
      regex !== undefined
        ? {
            pattern: regex,
            noMatch: u.regex_no_match === true,
            options: (Array.isArray(u.regex_options) ? (u.regex_options as unknown[]) : []).map(String),
            minOffset: num(u.regex_min_offset) ?? 0,
            maxOffset: num(u.regex_max_offset) ?? null,
          }
        : null,
  };
}

export type { PlanChecker };
