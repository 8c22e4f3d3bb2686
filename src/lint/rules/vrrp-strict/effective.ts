/**
 * What keepalived makes of one vrrp_instance once it has read it: strict mode, address family,
 * VRRP version, initial state and priority, authentication, unicast mode and the addresses it
 * keeps. Shared by the vrrp-strict, auth and mcast rules, which judge the same completed
 * instance keepalived checks (keepalived/vrrp/vrrp.c, vrrp_complete_instance).
 *
 * Order matters for some of it: the first address-like statement of an instance fixes its
 * family, and a later `version` or `native_ipv6` is judged against what came before. The
 * instance's statements are therefore read from the AST in the order keepalived reads them
 * (includes already spliced in by the preprocessor); the Document gives the pointers.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { Loc } from '../../../diagnostics.js';
import { isEffective, type BlockNode, type Node, type StatementNode } from '../../../syntax/ast.js';
import type { NamedEntry, Obj, RuleContext } from '../../context.js';

export type Family = 'inet' | 'inet6';

export const FAMILY_NAME: Record<Family, string> = { inet: 'IPv4', inet6: 'IPv6' };

/** An address-like statement of an instance, in reading order. */
export interface AddressRef {
  /** the keyword it was given with: `virtual_ipaddress`, `unicast_peer`, `mcast_src_ip`, ... */
  keyword: string;
  /** the address as written (with any /prefix) */
  text: string;
  family: Family;
  pointer?: string;
  loc: Loc;
  /** a virtual address line with its own `dev` */
  dev?: boolean;
}

/** A statement keepalived rejects because of the instance's address family. */
export interface Rejected extends AddressRef {
  /** the statement that had fixed the family before it */
  fixedBy: AddressRef | undefined;
}

export interface VersionLine {
  value: 2 | 3;
  loc: Loc;
  pointer: string;
  /** why keepalived ignored it: an earlier different `version`, or the family already IPv6 */
  ignored?: 'earlier-version' | 'ipv6';
  /** for `ipv6`: what made the instance IPv6 */
  ipv6By?: AddressRef | 'native_ipv6';
}

export interface Effective {
  name: string;
  pointer: string;
  body: Obj;
  node: BlockNode | undefined;

  strict: boolean;
  /** pointer of the keyword that made the instance strict (`strict_mode` or global `vrrp_strict`) */
  strictPointer: string | undefined;

  /** undefined: no address at all, keepalived defaults to IPv4 */
  family: Family | undefined;
  /** the statement that fixed the family (undefined with native_ipv6 alone or no address) */
  familyBy: AddressRef | undefined;
  nativeIpv6: { loc: Loc; pointer: string } | undefined;
  rejected: Rejected[];

  /** `version` lines in order */
  versionLines: VersionLine[];
  /** the explicit version keepalived kept (before completion), with its line */
  versionKept: VersionLine | undefined;
  /** version after completion */
  version: 2 | 3;
  /** where the final version came from */
  versionFrom: 'version' | 'native_ipv6' | 'ipv6' | 'global' | 'default' | 'strict-ipv6';
  /** explicit version 2 on an IPv6 instance (kept by keepalived outside strict mode) */
  ipv6WithV2: boolean;
  /** a kept `version 2` that a later native_ipv6 silently turned into 3 */
  v2OverriddenByNative: VersionLine | undefined;

  priority: number;
  priorityExplicit: boolean;
  state: 'MASTER' | 'BACKUP';
  stateExplicit: boolean;

  /** auth_type as keepalived keeps it (an unknown word leaves it unset) */
  authType: 'PASS' | 'AH' | undefined;
  authTypeLoc: Loc | undefined;
  authPass: boolean;
  authPassLoc: Loc | undefined;
  /** the (first) authentication block */
  authBlock: { loc: Loc; pointer: string } | undefined;
  /** any auth_type line, valid or not */
  authTypeWritten: boolean;

  /** explicit accept (true) / no_accept (false), the last one written */
  accept: { value: boolean; loc: Loc; pointer: string } | undefined;

  /** any unicast keyword (unicast_peer, unicast_src_ip, unicast_fault_no_peer, check_unicast_src, old_unicast_checksum) */
  unicastConfigured: boolean;
  /** unicast peers keepalived keeps */
  peers: AddressRef[];
  /** unicast mode: a unicast keyword and at least one peer */
  unicast: boolean;

  /** virtual_ipaddress entries keepalived keeps, in order */
  vips: AddressRef[];
  /** virtual_ipaddress entries dropped because neither they nor the instance name an interface */
  vipsWithoutInterface: AddressRef[];
  /** mcast_dst_ip as kept (valid multicast of the instance family) */
  mcastDst: AddressRef | undefined;

  /** statements read from the AST (present even when the Document lacks their value) */
  useVmac: StatementNode | undefined;
  vmacXmitBase: StatementNode | undefined;
  interface: StatementNode | undefined;
}

/** The family of an address word as keepalived reads it (`/prefix` and `-range` dropped), or undefined when it does not parse. */
export function familyOf(word: string): Family | undefined {
  const cut = word.search(/[-/]/);
  const ip = cut >= 0 ? word.slice(0, cut) : word;
  if (word.includes(':')) return isIPv6(ip) ? 'inet6' : undefined;
  return isIPv4(ip) ? 'inet' : undefined;
}

/** fe80::/10 */
export function isLinkLocal6(word: string): boolean {
  const cut = word.search(/[/]/);
  const ip = (cut >= 0 ? word.slice(0, cut) : word).toLowerCase();
  return /^fe[89ab][0-9a-f]?:/.test(ip);
}

const cache = new WeakMap<RuleContext, Effective[]>();

/** Every vrrp_instance as keepalived completes it (cached per lint run). */
export function effectiveInstances(ctx: RuleContext): Effective[] {
  let list = cache.get(ctx);
  if (!list) {
    const pointers = nodePointers(ctx);
    list = ctx.instances().map((inst) => complete(ctx, inst, pointers));
    cache.set(ctx, list);
  }
  return list;
}

export function effectiveByName(ctx: RuleContext): Map<string, Effective> {
  return new Map(effectiveInstances(ctx).map((e) => [e.name, e]));
}

/** The pointer of each statement of an instance (the first the index has for it); only those are asked for. */
function nodePointers(ctx: RuleContext): Map<Node, string> {
  const out = new Map<Node, string>();
  ctx.locs.forEach((ref, p) => {
    if (ref.node && p.startsWith('/vrrp_instance/') && !out.has(ref.node)) out.set(ref.node, p);
  });
  return out;
}

/** Whether global strict mode is on, for the release being linted. */
export function globalStrict(ctx: RuleContext): boolean {
  const g = ctx.globalDefs;
  if (!ctx.has('/global_defs/vrrp_strict') && g.vrrp_strict === undefined) return false;
  // 2.2.7 reads no argument: any `vrrp_strict` line turns strict mode on, `vrrp_strict false` included
  if (!ctx.atLeast('2.3.0')) return true;
  return g.vrrp_strict === true;
}

function complete(ctx: RuleContext, inst: NamedEntry, pointers: Map<Node, string>): Effective {
  const node = ctx.ref(inst.pointer)?.node as BlockNode | undefined;
  const body = inst.body;
  const e: Effective = {
    name: inst.name,
    pointer: inst.pointer,
    body,
    node: node?.type === 'block' ? node : undefined,
    strict: false,
    strictPointer: undefined,
    family: undefined,
    familyBy: undefined,
    nativeIpv6: undefined,
    rejected: [],
    versionLines: [],
    versionKept: undefined,
    version: 2,
    versionFrom: 'default',
    ipv6WithV2: false,
    v2OverriddenByNative: undefined,
    priority: 100,
    priorityExplicit: false,
    state: 'BACKUP',
    stateExplicit: false,
    authType: undefined,
    authTypeLoc: undefined,
    authPass: false,
    authPassLoc: undefined,
    authBlock: undefined,
    authTypeWritten: false,
    accept: undefined,
    unicastConfigured: false,
    peers: [],
    unicast: false,
    vips: [],
    vipsWithoutInterface: [],
    mcastDst: undefined,
    useVmac: undefined,
    vmacXmitBase: undefined,
    interface: undefined,
  };

  // ---- strict mode: the instance's valid strict_mode, else global vrrp_strict
  const own = body.strict_mode;
  if (typeof own === 'boolean') {
    e.strict = own;
    e.strictPointer = `${inst.pointer}/strict_mode`;
  } else {
    e.strict = globalStrict(ctx);
    e.strictPointer = e.strict ? '/global_defs/vrrp_strict' : undefined;
  }

  // ---- the statements in reading order
  let family: Family | undefined;
  let version: 2 | 3 | undefined;
  let versionBy: 'version' | 'native_ipv6' | undefined;
  let wantState: 'MASTER' | 'BACKUP' | undefined;
  const pointerOf = (n: Node, fallback: string): string => pointers.get(n) ?? fallback;

  const address = (keyword: string, text: string, loc: Loc, pointer: string | undefined): AddressRef | undefined => {
    const fam = familyOf(text);
    if (!fam) return undefined; // malformed: reported by the schema, ignored by keepalived
    const ref: AddressRef = { keyword, text, family: fam, loc, ...(pointer ? { pointer } : {}) };
    if (family === undefined) {
      family = fam;
      e.familyBy = ref;
      return ref;
    }
    if (fam !== family) {
      e.rejected.push({ ...ref, fixedBy: e.familyBy });
      return undefined;
    }
    return ref;
  };

  const statements = (nodes: Node[]): StatementNode[] => nodes.filter((n): n is StatementNode => isEffective(n) && n.keyword !== '');

  for (const st of statements(e.node?.body ?? [])) {
    const kw = st.keyword;
    const p = pointerOf(st, `${inst.pointer}/${kw}`);
    const arg0 = st.args[0];
    const arg0Loc = st.argLocs[0] ?? st.keywordLoc;
    switch (kw) {
      case 'mcast_src_ip':
      case 'unicast_src_ip':
        if (kw === 'unicast_src_ip') e.unicastConfigured = true;
        if (arg0 !== undefined) address(kw, arg0, arg0Loc, p);
        break;
      case 'mcast_dst_ip':
        if (arg0 !== undefined) {
          const fam = familyOf(arg0);
          const ref = address(kw, arg0, arg0Loc, p);
          if (ref && fam && isMulticastFor(arg0, fam)) e.mcastDst = ref;
        }
        break;
      case 'unicast_peer':
        e.unicastConfigured = true;
        if (st.type === 'block') {
          for (const line of statements(st.body)) {
            const ref = address(kw, line.keyword, line.keywordLoc, pointers.get(line));
            if (ref) e.peers.push(ref);
          }
        }
        break;
      case 'unicast_fault_no_peer':
      case 'check_unicast_src':
      case 'old_unicast_checksum':
        e.unicastConfigured = true;
        break;
      case 'virtual_ipaddress':
        if (st.type === 'block') {
          for (const line of statements(st.body)) {
            const ref = address(kw, line.keyword, line.keywordLoc, pointers.get(line));
            if (ref) e.vips.push({ ...ref, ...(line.args.includes('dev') ? { dev: true } : {}) });
          }
        }
        break;
      case 'use_ipvlan': {
        // words: [name] IFNAME, an address, a mode, group G; the address is the one that reads as an IP
        for (let i = 0; i < st.args.length; i++) {
          const w = st.args[i]!;
          if (w === 'name' || w === 'group') {
            i++;
            continue;
          }
          if (familyOf(w)) {
            address('use_ipvlan', w, st.argLocs[i]!, p);
            break;
          }
        }
        break;
      }
      case 'native_ipv6':
        if (family === 'inet') {
          e.rejected.push({ keyword: kw, text: 'native_ipv6', family: 'inet6', loc: st.keywordLoc, pointer: p, fixedBy: e.familyBy });
        } else {
          family = 'inet6';
          if (version === 2 && e.versionKept) e.v2OverriddenByNative = e.versionKept;
          version = 3;
          versionBy = 'native_ipv6';
          e.nativeIpv6 = { loc: st.keywordLoc, pointer: p };
        }
        break;
      case 'version': {
        const v = arg0 === '2' ? 2 : arg0 === '3' ? 3 : undefined;
        if (v === undefined) break; // reported by the schema
        const line: VersionLine = { value: v, loc: st.keywordLoc, pointer: p };
        if (v === 2 && family === 'inet6') {
          line.ignored = 'ipv6';
          line.ipv6By = e.familyBy ?? 'native_ipv6';
        } else if (version !== undefined && version !== v) line.ignored = 'earlier-version';
        else {
          version = v;
          versionBy = 'version';
          e.versionKept = line;
        }
        e.versionLines.push(line);
        break;
      }
      case 'state':
        e.stateExplicit = true;
        if (arg0 === 'MASTER') wantState = 'MASTER';
        else if (arg0 === 'BACKUP') wantState = wantState === 'MASTER' ? 'MASTER' : 'BACKUP';
        else wantState = 'BACKUP';
        break;
      case 'authentication':
        if (!e.authBlock) e.authBlock = { loc: st.keywordLoc, pointer: p };
        if (st.type === 'block') {
          for (const a of statements(st.body)) {
            if (a.keyword === 'auth_type') {
              e.authTypeWritten = true;
              if (a.args[0] === 'PASS' || a.args[0] === 'AH') {
                e.authType = a.args[0];
                e.authTypeLoc = a.keywordLoc;
              }
            } else if (a.keyword === 'auth_pass' && a.args[0] !== undefined) {
              e.authPass = a.args[0].length > 0;
              e.authPassLoc = a.keywordLoc;
            }
          }
        }
        break;
      case 'use_vmac':
        e.useVmac = st;
        break;
      case 'vmac_xmit_base':
        e.vmacXmitBase = st;
        break;
      case 'interface':
        e.interface = st;
        break;
      case 'accept':
        e.accept = { value: true, loc: st.keywordLoc, pointer: p };
        break;
      case 'no_accept':
        e.accept = { value: false, loc: st.keywordLoc, pointer: p };
        break;
      default:
        break;
    }
  }

  // ---- completion, in keepalived's order
  const globalVersion = ctx.globalDefs.vrrp_version;
  if (version !== undefined) e.versionFrom = versionBy ?? 'version';
  if (family === 'inet6') {
    if (version === 2) {
      e.ipv6WithV2 = true;
      if (e.strict) {
        version = 3;
        e.versionFrom = 'strict-ipv6';
      }
    } else if (version === undefined) {
      version = 3;
      e.versionFrom = 'ipv6';
    }
  }
  if (version === undefined) {
    if (globalVersion === 2 || globalVersion === 3) {
      version = globalVersion;
      e.versionFrom = 'global';
    } else {
      version = 2;
      e.versionFrom = 'default';
    }
  }
  e.version = version;
  e.family = family;

  const prio = body.priority;
  if (prio !== undefined || ctx.has(`${inst.pointer}/priority`)) {
    e.priorityExplicit = true;
    e.priority = typeof prio === 'number' && Number.isInteger(prio) && prio >= 1 && prio <= 255 ? prio : 100;
  } else e.priority = wantState === 'MASTER' ? 255 : 100;
  e.state = wantState ?? (e.priority === 255 ? 'MASTER' : 'BACKUP');

  e.unicast = e.unicastConfigured && e.peers.length > 0;
  // keepalived drops a VIP that has no interface at all (no `dev`, no instance interface)
  if (!e.interface) {
    e.vipsWithoutInterface = e.vips.filter((v) => !v.dev);
    e.vips = e.vips.filter((v) => v.dev);
  }
  return e;
}

/** keepalived's test for mcast_dst_ip: IPv4 in 224.0.0.0/4, IPv6 link-local multicast (ffX2::/16). */
export function isMulticastFor(word: string, fam: Family): boolean {
  const cut = word.search(/[-/]/);
  const ip = (cut >= 0 ? word.slice(0, cut) : word).toLowerCase();
  if (fam === 'inet') {
    const first = Number(ip.split('.')[0]);
    return first >= 224 && first <= 239;
  }
  return /^ff[0-9a-f]2:/.test(ip);
}

// ---- message helpers ---------------------------------------------------------------------------

/** `line N` (with the file name when it is not the linted file). */
export function lineOf(ctx: RuleContext, loc: Loc): string {
  return loc.file && loc.file !== ctx.file ? `${loc.file} line ${loc.line}` : `line ${loc.line}`;
}

/** Where strict mode comes from, for messages: "`vrrp_strict` in global_defs (line 2)". */
export function strictSource(ctx: RuleContext, e: Effective): string {
  if (!e.strictPointer) return 'strict mode';
  const loc = ctx.locate(e.strictPointer, 'keyword');
  return e.strictPointer.endsWith('/strict_mode')
    ? `\`strict_mode\` (${lineOf(ctx, loc)})`
    : `\`vrrp_strict\` in global_defs (${lineOf(ctx, loc)})`;
}

/** Why the instance runs VRRPv3, for messages. */
export function versionSource(ctx: RuleContext, e: Effective): string {
  switch (e.versionFrom) {
    case 'version':
      return e.versionKept ? `\`version ${e.versionKept.value}\` (${lineOf(ctx, e.versionKept.loc)})` : `version ${e.version}`;
    case 'native_ipv6':
      return e.nativeIpv6 ? `\`native_ipv6\` (${lineOf(ctx, e.nativeIpv6.loc)}), which implies version 3` : 'native_ipv6';
    case 'ipv6':
      return e.familyBy
        ? `the IPv6 address ${e.familyBy.text} (${lineOf(ctx, e.familyBy.loc)}): IPv6 instances use version 3`
        : 'IPv6: IPv6 instances use version 3';
    case 'strict-ipv6':
      return 'IPv6 in strict mode (version 3 is forced)';
    case 'global': {
      const loc = ctx.locate('/global_defs/vrrp_version', 'keyword');
      return `\`vrrp_version ${e.version}\` in global_defs (${lineOf(ctx, loc)})`;
    }
    default:
      return `the default version ${e.version}`;
  }
}

/** Where to report a finding about the instance as a whole: its name on the `vrrp_instance` line. */
export function instanceLoc(ctx: RuleContext, e: Effective): Loc {
  return ctx.locate(e.pointer, 'value');
}
