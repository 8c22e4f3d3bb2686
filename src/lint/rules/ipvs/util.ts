/**
 * Shared readers for the ipvs and checker rules: the virtual servers and their real servers as
 * keepalived sees them after reading them (address families, forwarding methods, ports, which
 * servers it drops), following the order in which it reads the keywords.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { Loc } from '../../../diagnostics.js';
import { pointerJoin } from '../../../model/build.js';
import { isEffective, type BlockNode, type StatementNode } from '../../../syntax/ast.js';
import type { Obj, RuleContext } from '../../context.js';
import { positionOf } from '../vrrp/facts.js';

export type Family = 'inet' | 'inet6';

export const CHECKERS = [
  'TCP_CHECK',
  'HTTP_GET',
  'SSL_GET',
  'MISC_CHECK',
  'SMTP_CHECK',
  'DNS_CHECK',
  'UDP_CHECK',
  'PING_CHECK',
  'FILE_CHECK',
  'BFD_CHECK',
] as const;
export type CheckerType = (typeof CHECKERS)[number];

/** Checkers that open a connection (and read connect_ip, bindto, bind_if, connect_timeout). */
export const CONNECTING: ReadonlySet<string> = new Set(['TCP_CHECK', 'HTTP_GET', 'SSL_GET', 'SMTP_CHECK', 'DNS_CHECK', 'UDP_CHECK', 'PING_CHECK']);

/** The address family keepalived gives a word: it parses it numerically and ignores anything from a `-` or `/` on. */
export function familyOf(addr: unknown): Family | undefined {
  if (typeof addr !== 'string') return undefined;
  const cut = beforeSuffix(addr);
  if (isIPv4(cut)) return 'inet';
  if (isIPv6(cut)) return 'inet6';
  return undefined;
}

/** A word up to its first `-` or `/` (what `split(/[-/]/)[0]` gives, without the array). */
function beforeSuffix(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 45 /* - */ || c === 47 /* / */) return word.slice(0, i);
  }
  return word;
}

export function familyName(f: Family | undefined): string {
  return f === 'inet6' ? 'IPv6' : f === 'inet' ? 'IPv4' : 'unknown';
}

/** A port as keepalived keeps it: absent or all zeros mean none (0). */
export function portOf(s: Obj | undefined): number {
  const p = s?.port;
  return typeof p === 'number' && Number.isInteger(p) && p > 0 && p <= 65535 ? p : 0;
}

export interface Server {
  pointer: string;
  index: number;
  body: Obj;
}

export interface VirtualServer extends Server {
  reals: Server[];
}

export function virtualServers(ctx: RuleContext): VirtualServer[] {
  return ctx.memo('ipvs/virtualServers', () => readVirtualServers(ctx));
}

function readVirtualServers(ctx: RuleContext): VirtualServer[] {
  const list = (ctx.document.virtual_server as Obj[] | undefined) ?? [];
  return list.map((body, index) => {
    const pointer = `/virtual_server/${index}`;
    const rs = (body.real_server as Obj[] | undefined) ?? [];
    return { pointer, index, body, reals: rs.map((r, i) => ({ pointer: `${pointer}/real_server/${i}`, index: i, body: r })) };
  });
}

/** `virtual_server 192.0.2.10 80`, `virtual_server fwmark 7`, `virtual_server group G` — for messages. */
export function vsName(vs: Obj): string {
  if (vs.fwmark !== undefined) return `virtual_server fwmark ${String(vs.fwmark)}`;
  if (vs.group !== undefined) return `virtual_server group ${String(vs.group)}`;
  return `virtual_server ${String(vs.address)}${vs.port !== undefined ? ` ${String(vs.port)}` : ''}`;
}

/** `192.0.2.11 80` / `[2001:db8::1]:80` style name of a real or sorry server, as written. */
export function serverName(s: Obj): string {
  return `${String(s.address)}${s.port !== undefined ? ` ${String(s.port)}` : ''}`;
}

export function blockNode(ctx: RuleContext, pointer: string): BlockNode | undefined {
  const n = ctx.ref(pointer)?.node;
  return n && n.type === 'block' ? n : undefined;
}

const effectiveCache = new WeakMap<BlockNode, StatementNode[]>();

/**
 * The statements of a block, in file order (comments, switched-off and preprocessor lines left
 * out). Worked out once per block (rules ask for the same blocks many times): not to be changed.
 */
export function statements(ctx: RuleContext, pointer: string): StatementNode[] {
  const node = blockNode(ctx, pointer);
  if (!node) return [];
  let list = effectiveCache.get(node);
  if (!list) effectiveCache.set(node, (list = node.body.filter(isEffective)));
  return list;
}

/** The closing brace of a block (where keepalived reports the checks it makes at the end of a block). */
export function closeLoc(ctx: RuleContext, pointer: string): Loc {
  const b = blockNode(ctx, pointer);
  return b?.closeLoc ?? ctx.locate(pointer, 'keyword');
}

export function lineOf(ctx: RuleContext, pointer: string): number {
  return ctx.ref(pointer)?.keywordLoc.line ?? 0;
}

const METHODS = new Set(['NAT', 'DR', 'TUN']);

/** The forwarding method a `lb_kind`/`lvs_method` statement sets (undefined when keepalived rejects the word). */
function methodOf(n: StatementNode): string | undefined {
  return METHODS.has(n.args[0] ?? '') ? n.args[0] : undefined;
}

/**
 * The service's forwarding method as keepalived knows it when it reaches `line` (the last valid
 * `lb_kind`/`lvs_method` before it), or at the end of the block when no line is given.
 */
export function vsMethodAt(ctx: RuleContext, vsPointer: string, line?: number): string | undefined {
  let m: string | undefined;
  for (const n of statements(ctx, vsPointer)) {
    if (line !== undefined && n.keywordLoc.line >= line) break;
    if (n.keyword === 'lb_kind' || n.keyword === 'lvs_method') m = methodOf(n) ?? m;
  }
  return m;
}

/** A real server's own method (`lvs_method` inside it), if valid. */
function ownMethod(ctx: RuleContext, pointer: string): string | undefined {
  let m: string | undefined;
  for (const n of statements(ctx, pointer)) if (n.keyword === 'lvs_method') m = methodOf(n) ?? m;
  return m;
}

/** The method keepalived gives a real server while reading it: its own, else the service's so far. */
export function rsMethodWhileReading(ctx: RuleContext, vs: VirtualServer, rs: Server): string | undefined {
  return ownMethod(ctx, rs.pointer) ?? vsMethodAt(ctx, vs.pointer, lineOf(ctx, rs.pointer));
}

/** The method a real server ends up with after validation (NAT when nothing is set). */
export function rsFinalMethod(ctx: RuleContext, vs: VirtualServer, rs: Server): string {
  return rsMethodWhileReading(ctx, vs, rs) ?? vsMethodAt(ctx, vs.pointer) ?? 'NAT';
}

/** The sorry server's method: `sorry_server_lvs_method` after `sorry_server`, else the service's at the sorry_server line. */
export function sorryMethodWhileReading(ctx: RuleContext, vs: VirtualServer): string | undefined {
  const sorryLine = lineOf(ctx, `${vs.pointer}/sorry_server`);
  let m: string | undefined;
  for (const n of statements(ctx, vs.pointer)) {
    if (n.keyword === 'sorry_server_lvs_method' && n.keywordLoc.line > sorryLine) m = methodOf(n) ?? m;
  }
  return m ?? vsMethodAt(ctx, vs.pointer, sorryLine);
}

export function sorryFinalMethod(ctx: RuleContext, vs: VirtualServer): string {
  return sorryMethodWhileReading(ctx, vs) ?? vsMethodAt(ctx, vs.pointer) ?? 'NAT';
}

/** A real server whose key keepalived reads (numeric address, port 0-65535): others are skipped. */
export function readableServer(s: Obj): boolean {
  if (familyOf(s.address) === undefined) return false;
  return s.port === undefined || (typeof s.port === 'number' && s.port >= 0 && s.port <= 65535);
}

export interface FamilyEvent {
  kind: 'ip_family' | 'real_server' | 'sorry_server';
  pointer: string;
  /** the family the service had when the conflicting one came */
  had: Family;
  got: Family;
  /** the keyword/line that gave the service its family */
  from: string;
}

export interface FamilyResult {
  family: Family | undefined;
  events: FamilyEvent[];
  /** real servers keepalived keeps (readable key, family consistent or tunnelled) */
  kept: Server[];
  /** the sorry server survives the family check */
  sorryKept: boolean;
}

/**
 * Follow how keepalived settles a service's address family while reading it: from its address,
 * then `ip_family`, `persistence_granularity` and every real server that is not tunnelled, in
 * file order; the sorry server is checked at the end of the block.
 */
export function settleFamily(ctx: RuleContext, vs: VirtualServer): FamilyResult {
  return ctx.memo(`ipvs/settleFamily${vs.pointer}`, () => settle(ctx, vs));
}

function settle(ctx: RuleContext, vs: VirtualServer): FamilyResult {
  const b = vs.body;
  let family = b.address !== undefined ? familyOf(b.address) : undefined;
  let from = family ? `its address ${String(b.address)}` : '';
  const events: FamilyEvent[] = [];
  const kept: Server[] = [];
  let rsIndex = 0;
  for (const n of statements(ctx, vs.pointer)) {
    if (n.keyword === 'ip_family') {
      const w = n.args[0];
      if (w !== 'inet' && w !== 'inet6') continue;
      if (family && family !== w) events.push({ kind: 'ip_family', pointer: `${vs.pointer}/ip_family`, had: family, got: w, from });
      else if (!family) {
        family = w;
        from = `ip_family ${w}`;
      }
    } else if (n.keyword === 'persistence_granularity') {
      const w = n.args[0] ?? '';
      if (family) continue;
      const f: Family = w.includes('.') ? 'inet' : 'inet6';
      const ok = f === 'inet' ? isIPv4(w) : /^\d+$/.test(w) && Number(w) >= 1 && Number(w) <= 128;
      if (ok) {
        family = f;
        from = `persistence_granularity ${w}`;
      }
    } else if (n.keyword === 'real_server' && n.type === 'block') {
      const rs = vs.reals[rsIndex++];
      if (!rs || !readableServer(rs.body)) continue;
      const f = familyOf(rs.body.address)!;
      if (rsMethodWhileReading(ctx, vs, rs) !== 'TUN') {
        if (!family) {
          family = f;
          from = `real_server ${serverName(rs.body)}`;
        } else if (family !== f) {
          events.push({ kind: 'real_server', pointer: rs.pointer, had: family, got: f, from });
          continue;
        }
      }
      kept.push(rs);
    }
  }
  let sorryKept = b.sorry_server !== undefined;
  const sorry = b.sorry_server as Obj | undefined;
  if (sorry && familyOf(sorry.address) && sorryMethodWhileReading(ctx, vs) !== 'TUN') {
    const f = familyOf(sorry.address)!;
    if (!family) family = f;
    else if (family !== f) {
      events.push({ kind: 'sorry_server', pointer: `${vs.pointer}/sorry_server`, had: family, got: f, from });
      sorryKept = false;
    }
  }
  return { family, events, kept, sorryKept };
}

export interface GroupInfo {
  name: string;
  pointer: string;
  entries: Obj[];
  /** entries keepalived keeps */
  valid: Obj[];
  hasIPv4: boolean;
  hasIPv6: boolean;
  addresses: Obj[];
  fwmarks: Obj[];
  fwmarkNoFamily: boolean;
  /** keepalived removes the group (no valid entry, or IPv4 + IPv6 + fwmark without family) */
  removed: boolean;
}

/** Why keepalived rejects a group address entry, or undefined when it keeps it. */
export function groupEntryProblem(e: Obj): { field: 'range_end' | 'prefix' | 'address'; message: string } | undefined {
  const addr = e.address;
  const fam = familyOf(addr);
  if (!fam || typeof addr !== 'string') return { field: 'address', message: `'${String(addr)}' is not an IP address` };
  if (e.prefix !== undefined) {
    const p = e.prefix;
    const max = fam === 'inet' ? 32 : 128;
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > max) return { field: 'prefix', message: `prefix /${String(p)} is not valid for an ${familyName(fam)} address (1-${max})` };
    if (hostBitsSet(addr, p, fam)) return { field: 'prefix', message: `${addr}/${p} has host bits set; the block must start at its network address` };
    return undefined;
  }
  if (e.range_end !== undefined) {
    const end = String(e.range_end);
    const full = fam === 'inet' ? end.includes('.') : end.includes(':');
    if (full) {
      const ef = familyOf(end);
      if (!ef || end.split(/[-/]/)[0] !== end) return { field: 'range_end', message: `range end '${end}' is not an IP address` };
      if (ef !== fam) return { field: 'range_end', message: `range ${addr}-${end} mixes an ${familyName(fam)} start with an ${familyName(ef)} end` };
      if (compareAddr(addr, end, fam) > 0) return { field: 'range_end', message: `range end ${end} is below the range start ${addr}` };
      return undefined;
    }
    const m = fam === 'inet' ? /^(\d+)(.*)$/.exec(end) : /^([0-9a-fA-F]+)(.*)$/.exec(end);
    if (!m || m[2] !== '') return { field: 'range_end', message: `range end '${end}' is not ${fam === 'inet' ? 'a decimal number (the last octet)' : 'a hex number (the last 16-bit group)'}` };
    const v = parseInt(m[1]!, fam === 'inet' ? 10 : 16);
    const limit = fam === 'inet' ? 255 : 0xffff;
    if (v > limit) return { field: 'range_end', message: `range end '${end}' is too large (at most ${fam === 'inet' ? '255' : 'ffff'})` };
    const start = lastPart(addr, fam);
    if (start >= v) return { field: 'range_end', message: `range end '${end}' is not greater than the start's last ${fam === 'inet' ? 'octet' : 'group'} (${fam === 'inet' ? start : start.toString(16)})` };
  }
  return undefined;
}

function ipv6Groups(a: string): number[] {
  let s = a;
  // an embedded IPv4 tail
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const o = v4[1]!.split('.').map(Number);
    s = s.slice(0, -v4[1]!.length) + `${((o[0]! << 8) | o[1]!).toString(16)}:${((o[2]! << 8) | o[3]!).toString(16)}`;
  }
  const [head, tail] = s.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = tail !== undefined ? 8 - h.length - t.length : 0;
  return [...h, ...Array<string>(fill).fill('0'), ...t].map((x) => parseInt(x, 16));
}

function ipv4Bytes(a: string): number[] {
  return a.split('.').map(Number);
}

function lastPart(a: string, fam: Family): number {
  if (fam === 'inet') return ipv4Bytes(a)[3]!;
  return ipv6Groups(a)[7]!;
}

function compareAddr(a: string, b: string, fam: Family): number {
  const x = fam === 'inet' ? ipv4Bytes(a) : ipv6Groups(a);
  const y = fam === 'inet' ? ipv4Bytes(b) : ipv6Groups(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

function hostBitsSet(a: string, prefix: number, fam: Family): boolean {
  const bits = fam === 'inet' ? ipv4Bytes(a).flatMap((b) => toBits(b, 8)) : ipv6Groups(a).flatMap((g) => toBits(g, 16));
  return bits.slice(prefix).some((b) => b === 1);
}

function toBits(v: number, n: number): number[] {
  const out: number[] = [];
  for (let i = n - 1; i >= 0; i--) out.push((v >> i) & 1);
  return out;
}

/** What keepalived keeps of a virtual_server_group. */
export function groupInfo(ctx: RuleContext, name: string): GroupInfo | undefined {
  const g = ctx.named('virtual_server_group').find((e) => e.name === name);
  if (!g) return undefined;
  const entries = Array.isArray(g.body) ? (g.body as Obj[]) : [];
  const valid: Obj[] = [];
  let hasIPv4 = false;
  let hasIPv6 = false;
  let fwmarkNoFamily = false;
  const addresses: Obj[] = [];
  const fwmarks: Obj[] = [];
  for (const e of entries) {
    if (e === null || typeof e !== 'object') continue;
    if (e.fwmark !== undefined) {
      if (typeof e.fwmark !== 'number' || e.fwmark < 0 || e.fwmark > 4294967295) continue;
      if (e.family !== undefined && e.family !== 'inet' && e.family !== 'inet6') continue;
      if (e.family === 'inet') hasIPv4 = true;
      else if (e.family === 'inet6') hasIPv6 = true;
      else fwmarkNoFamily = true;
      fwmarks.push(e);
      valid.push(e);
      continue;
    }
    if (e.port !== undefined && (typeof e.port !== 'number' || e.port < 0 || e.port > 65535)) continue;
    if (groupEntryProblem(e)) continue;
    if (familyOf(e.address) === 'inet') hasIPv4 = true;
    else hasIPv6 = true;
    addresses.push(e);
    valid.push(e);
  }
  const removed = valid.length === 0 || (hasIPv4 && hasIPv6 && fwmarkNoFamily);
  return { name, pointer: g.pointer, entries, valid, hasIPv4, hasIPv6, addresses, fwmarks, fwmarkNoFamily, removed };
}

/** The persistence a service ends up with when read (persistence_timeout, or persistence_granularity which turns it on). */
export function persistent(vs: Obj): boolean {
  const t = vs.persistence_timeout;
  if (t === true || (typeof t === 'number' && t >= 1 && t <= 2678400)) return true;
  return vs.persistence_granularity !== undefined;
}

/** The checkers of a real server, each with its pointer, in the order of the Document. */
export function checkersOf(rs: Server): { type: CheckerType; pointer: string; body: Obj }[] {
  const out: { type: CheckerType; pointer: string; body: Obj }[] = [];
  for (const type of CHECKERS) {
    const list = rs.body[type];
    if (!Array.isArray(list)) continue;
    list.forEach((body, i) => out.push({ type, pointer: pointerJoin(`${rs.pointer}/${type}`, i), body: (body ?? {}) as Obj }));
  }
  return out;
}

/** Whether a real server has a checker (`checkersOf(rs).length > 0`, without making the list). */
export function hasCheckers(rs: Server): boolean {
  for (const type of CHECKERS) {
    const list = rs.body[type];
    if (Array.isArray(list) && list.length > 0) return true;
  }
  return false;
}

/** Every checker of every real server. */
export function allCheckers(ctx: RuleContext): { vs: VirtualServer; rs: Server; type: CheckerType; pointer: string; body: Obj }[] {
  return ctx.memo('ipvs/allCheckers', () => findCheckers(ctx));
}

function findCheckers(ctx: RuleContext): { vs: VirtualServer; rs: Server; type: CheckerType; pointer: string; body: Obj }[] {
  const out: { vs: VirtualServer; rs: Server; type: CheckerType; pointer: string; body: Obj }[] = [];
  for (const vs of virtualServers(ctx)) {
    // keepalived skips the whole block of a server whose key it cannot read
    if (!readableKey(vs.body)) continue;
    for (const rs of vs.reals) if (readableServer(rs.body)) for (const c of checkersOf(rs)) out.push({ vs, rs, type: c.type, pointer: c.pointer, body: c.body });
  }
  return out;
}

/** Statements of a block with a given keyword, in file order. */
export function statementsNamed(ctx: RuleContext, pointer: string, keyword: string): StatementNode[] {
  return statements(ctx, pointer).filter((n) => n.keyword === keyword);
}

/** The key keepalived can read (address and port, fwmark number, or a group name). */
export function readableKey(vs: Obj): boolean {
  if (vs.group !== undefined) return typeof vs.group === 'string';
  if (vs.fwmark !== undefined) return typeof vs.fwmark === 'number' && vs.fwmark >= 0 && vs.fwmark <= 4294967295;
  return readableServer(vs);
}

export interface Service {
  vs: VirtualServer;
  fam: FamilyResult;
  group?: GroupInfo;
  /** real servers left after keepalived drops duplicates (address and port as written) */
  reals: Server[];
}

/**
 * The virtual servers keepalived still has when it validates the checker configuration (after
 * reading, and after linking groups), with the real servers it keeps.
 */
export function services(ctx: RuleContext): Service[] {
  return ctx.memo('ipvs/services', () => findServices(ctx));
}

function findServices(ctx: RuleContext): Service[] {
  const out: Service[] = [];
  for (const vs of virtualServers(ctx)) {
    if (!readableKey(vs.body)) continue;
    const fam = settleFamily(ctx, vs);
    if (fam.kept.length === 0) continue;
    let group: GroupInfo | undefined;
    if (typeof vs.body.group === 'string') {
      group = groupInfo(ctx, vs.body.group);
      if (!group || group.removed) continue;
      const f = fam.family;
      if (group.hasIPv4 && group.hasIPv6 && f) continue;
      if ((group.hasIPv4 && f === 'inet6') || (group.hasIPv6 && f === 'inet')) continue;
    }
    const reals: Server[] = [];
    const seen = new Set<string>();
    for (const rs of fam.kept) {
      const key = serverKey(rs.body);
      if (seen.has(key)) continue;
      seen.add(key);
      reals.push(rs);
    }
    out.push({ vs, fam, ...(group ? { group } : {}), reals });
  }
  return out;
}

/** Address and port as keepalived compares servers (the address in its canonical form). */
export function serverKey(s: Obj): string {
  return `${canonical(s.address)}|${portOf(s)}`;
}

function canonical(a: unknown): string {
  const fam = familyOf(a);
  const cut = beforeSuffix(String(a));
  if (fam === 'inet6') return ipv6Groups(cut).map((g) => g.toString(16)).join(':');
  return cut;
}

/** What kind of service keepalived treats it as: by address (plain or group with addresses) or by fwmark only. */
export function addressService(s: Service): boolean {
  if (s.group) return s.group.addresses.length > 0;
  return s.vs.body.fwmark === undefined;
}

export function fwmarkService(s: Service): boolean {
  if (s.group) return s.group.fwmarks.length > 0;
  return s.vs.body.fwmark !== undefined;
}

/** The protocol keepalived reads (case-insensitive), or undefined when none or unknown. */
export function protocolOf(vs: Obj): string | undefined {
  const p = typeof vs.protocol === 'string' ? vs.protocol.toUpperCase() : undefined;
  return p === 'TCP' || p === 'UDP' || p === 'SCTP' ? p : undefined;
}

function intIn(v: unknown, min: number, max: number): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined;
}

/** The weight keepalived gives a real server: its own, else the service's default (1). */
export function rsWeight(vs: Obj, rs: Obj): number {
  return intIn(rs.weight, 0, 2147483647) ?? intIn(vs.weight, 1, 2147483647) ?? 1;
}

export function quorumOf(vs: Obj): number {
  return intIn(vs.quorum, 1, 4294967295) ?? 1;
}

export function hysteresisOf(vs: Obj): number {
  return intIn(vs.hysteresis, 0, 4294967295) ?? 0;
}

/** The position of a statement in keepalived's reading order (includes are read in place). */
export function readingPosition(ctx: RuleContext, pointer: string): number {
  return positionOf(ctx, pointer);
}
