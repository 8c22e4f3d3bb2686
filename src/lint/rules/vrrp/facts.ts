/**
 * What keepalived works out about each vrrp_instance after reading it (address family, VRRP
 * version, priority, initial state, unicast, sync group membership), shared by the vrrp/,
 * refs/ and script/ rules. Order matters for several of these (keepalived reads the file top
 * to bottom: the first address fixes the family, `preempt` after `nopreempt` cancels it, a
 * `track_script` can only name a vrrp_script defined above it), so the facts are read from
 * the AST in reading order where the Document keeps only the final value.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { Loc } from '../../../diagnostics.js';
import type { BlockNode, Node, StatementNode } from '../../../syntax/ast.js';
import { isEffective } from '../../../syntax/ast.js';
import type { NamedEntry, Obj, RuleContext } from '../../context.js';

export type Family = 'IPv4' | 'IPv6';

export interface InstanceFacts extends NamedEntry {
  node: BlockNode | undefined;
  /** the family keepalived settles on (IPv4 when nothing says otherwise) */
  family: Family;
  /** the pointer of the value that fixed the family, if any */
  familyPointer: string | undefined;
  /** the VRRP version after keepalived's defaults (2 or 3) */
  version: 2 | 3;
  /** a `version` keepalived accepted (not one it rejected as conflicting) */
  versionWritten: boolean;
  strict: boolean;
  /** base priority after keepalived's defaults (state MASTER without priority → 255) */
  priority: number;
  priorityWritten: boolean;
  /** initial state after keepalived's defaults (priority 255 without state → MASTER) */
  state: 'MASTER' | 'BACKUP';
  stateWritten: boolean;
  /** `nopreempt` in force after the last `preempt`/`nopreempt` line */
  nopreemptWritten: boolean;
  /** preempt_delay written with a non-zero value */
  preemptDelay: number;
  /** any unicast keyword written (unicast_peer, unicast_src_ip, unicast_fault_no_peer, check_unicast_src, old_unicast_checksum) */
  unicastConfigured: boolean;
  /** unicast keywords and at least one peer: the instance really unicasts */
  unicast: boolean;
  /** unicast_src_ip or mcast_src_ip written (keepalived's "source address from the configuration") */
  sourceAddress: string | undefined;
  vmac: boolean;
  ipvlan: boolean;
  /** the `use_vmac` / `use_ipvlan` statements (read from the AST: kaconf's model does not hold a bare `use_vmac` yet) */
  vmacNode: StatementNode | undefined;
  ipvlanNode: StatementNode | undefined;
  interface: string | undefined;
  vips: Obj[];
  /** the sync group the instance ends up in (the first valid listing) */
  syncGroup: string | undefined;
}

/** Effective statements of a block body, in reading order. */
export function statements(body: Node[] | undefined): StatementNode[] {
  return (body ?? []).filter(isEffective);
}

/** The AST node of a named top-level block (`/vrrp_instance/VI_1`). */
export function blockNode(ctx: RuleContext, pointer: string): BlockNode | undefined {
  const n = ctx.ref(pointer)?.node;
  return n && n.type === 'block' ? n : undefined;
}

/** Reading-order index of every statement (includes are already inlined in the AST); once per run. */
export function readingOrder(ctx: RuleContext): Map<StatementNode, number> {
  return ctx.memo('readingOrder', () => {
    const m = new Map<StatementNode, number>();
    let i = 0;
    const walk = (nodes: Node[]): void => {
      for (const n of nodes) {
        if (!isEffective(n)) continue;
        m.set(n, i++);
        if (n.type === 'block') walk(n.body);
      }
    };
    walk(ctx.ast);
    return m;
  });
}

/** Effective statements in a block's subtree (the block itself not counted). */
function countWithin(nodes: Node[]): number {
  let n = 0;
  for (let i = 0; i < nodes.length; i++) {
    const c = nodes[i]!;
    if (!isEffective(c)) continue;
    n++;
    if (c.type === 'block') n += countWithin(c.body);
  }
  return n;
}

/** The reading-order index of each top-level statement (the same numbers readingOrder() gives them). */
function topOrder(ctx: RuleContext): Map<StatementNode, number> {
  return ctx.memo('readingOrder/top', () => {
    const m = new Map<StatementNode, number>();
    let i = 0;
    for (const n of ctx.ast) {
      if (!isEffective(n)) continue;
      m.set(n, i++);
      if (n.type === 'block') i += countWithin(n.body);
    }
    return m;
  });
}

/** The reading-order index of `node` inside `nodes`, the first of which has index `start` (undefined: not there). */
function indexWithin(nodes: Node[], node: StatementNode, at: { i: number }): number | undefined {
  for (let k = 0; k < nodes.length; k++) {
    const c = nodes[k]!;
    if (!isEffective(c)) continue;
    if (c === node) return at.i;
    at.i++;
    if (c.type === 'block') {
      const found = indexWithin(c.body, node, at);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * Reading-order position of the statement a pointer's value came from (Infinity when unknown):
 * its index in readingOrder(). Worked out from the top-level statement that holds it (found
 * from the pointer), so that a run does not number every statement of the file for a few.
 */
export function positionOf(ctx: RuleContext, pointer: string): number {
  const node = ctx.ref(pointer)?.node;
  if (!node) return Number.POSITIVE_INFINITY;
  const top = topOrder(ctx);
  const direct = top.get(node);
  if (direct !== undefined) return direct;
  for (let p = pointer.slice(0, pointer.lastIndexOf('/')); p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
    const outer = ctx.locs.get(p)?.node;
    const start = outer ? top.get(outer) : undefined;
    if (start === undefined || outer!.type !== 'block') continue;
    const found = indexWithin(outer!.body, node, { i: start + 1 });
    if (found !== undefined) return found;
    break;
  }
  return readingOrder(ctx).get(node) ?? Number.POSITIVE_INFINITY;
}

export function addressFamily(text: string): Family | undefined {
  const a = text.replace(/\/\d+$/, '');
  if (isIPv4(a)) return 'IPv4';
  if (isIPv6(a)) return 'IPv6';
  return undefined;
}

/** keepalived's rule for VIP words: IPv6 when the word contains ':' */
function vipFamily(word: string): Family {
  return word.includes(':') ? 'IPv6' : 'IPv4';
}

const UNICAST_KEYWORDS = ['unicast_peer', 'unicast_src_ip', 'unicast_fault_no_peer', 'check_unicast_src', 'old_unicast_checksum'];

/** The words of a statement (a way to read values the Document does not hold, e.g. use_ipvlan). */
export function wordsOf(node: StatementNode): string[] {
  return node.args;
}

/** The sync group each instance belongs to: keepalived takes the first group (in file order) that lists it. */
export function syncMembership(ctx: RuleContext): Map<string, string> {
  const out = new Map<string, string>();
  const names = new Set(ctx.instances().map((i) => i.name));
  for (const g of ctx.named('vrrp_sync_group')) {
    const members = (g.body.group as unknown[] | undefined) ?? [];
    for (const m of members) {
      if (typeof m !== 'string' || !names.has(m) || out.has(m)) continue;
      out.set(m, g.name);
    }
  }
  return out;
}

const factsCache = new WeakMap<object, InstanceFacts[]>();

/** Facts of every vrrp_instance, in file order. */
export function instanceFacts(ctx: RuleContext): InstanceFacts[] {
  const cached = factsCache.get(ctx.document);
  if (cached) return cached;
  const sync = syncMembership(ctx);
  const globalVersion = ctx.globalDefs.vrrp_version === 3 ? 3 : 2;
  const out = ctx.instances().map((inst): InstanceFacts => {
    const node = blockNode(ctx, inst.pointer);
    const b = inst.body;
    let family: Family | undefined;
    let familyPointer: string | undefined;
    let version: 2 | 3 | undefined;
    let priority: number | undefined;
    let state: 'MASTER' | 'BACKUP' | undefined;
    let nopreempt = false;
    let vipIndex = 0;
    let peerIndex = 0;
    // the first use_vmac / use_ipvlan statement (the AST keeps them even when the Document does not)
    let vmacNode: StatementNode | undefined;
    let ipvlanNode: StatementNode | undefined;
    const setFamily = (f: Family | undefined, pointer: string): void => {
      if (f && family === undefined) {
        family = f;
        familyPointer = pointer;
      }
    };
    for (const st of node?.type === 'block' ? node.body : []) {
      if (!isEffective(st)) continue;
      const kw = st.keyword;
      switch (kw) {
        case 'virtual_ipaddress':
          if (st.type === 'block') {
            for (const line of st.body) {
              if (!isEffective(line)) continue;
              if (family === undefined) setFamily(vipFamily(line.keyword), `${inst.pointer}/${kw}/${vipIndex}`);
              vipIndex++;
            }
          }
          break;
        case 'unicast_peer':
          if (st.type === 'block') {
            for (const line of st.body) {
              if (!isEffective(line)) continue;
              if (family === undefined) setFamily(addressFamily(line.keyword), `${inst.pointer}/${kw}/${peerIndex}`);
              peerIndex++;
            }
          }
          break;
        case 'mcast_src_ip':
        case 'unicast_src_ip':
        case 'mcast_dst_ip':
          if (st.args[0]) setFamily(addressFamily(st.args[0]), `${inst.pointer}/${kw}`);
          break;
        case 'use_ipvlan':
          ipvlanNode ??= st;
          for (const w of st.args) {
            if (/^[0-9a-fA-F:.]+(\/\d+)?$/.test(w) && addressFamily(w)) {
              setFamily(addressFamily(w), `${inst.pointer}/${kw}`);
              break;
            }
          }
          break;
        case 'use_vmac':
          vmacNode ??= st;
          break;
        case 'native_ipv6':
          if (family !== 'IPv4') {
            family ??= 'IPv6';
            familyPointer ??= `${inst.pointer}/${kw}`;
            version = 3;
          }
          break;
        case 'version': {
          const v = Number(st.args[0]);
          if (v !== 2 && v !== 3) break;
          if (version !== undefined && version !== v) break;
          if (v === 2 && family === 'IPv6') break;
          version = v;
          break;
        }
        case 'priority': {
          const v = Number(st.args[0]);
          priority = /^\+?\d+$/.test(st.args[0] ?? '') && v >= 1 && v <= 255 ? v : 100;
          break;
        }
        case 'state':
          if (st.args[0] === 'MASTER') state = 'MASTER';
          else if (state !== 'MASTER') state = 'BACKUP';
          break;
        case 'nopreempt':
          nopreempt = true;
          break;
        case 'preempt':
          nopreempt = false;
          break;
      }
    }
    const strict = ctx.strict(b);
    const fam: Family = family ?? 'IPv4';
    let ver: 2 | 3;
    if (fam === 'IPv6') ver = version === 2 && !strict ? 2 : 3;
    else ver = version ?? globalVersion;
    const prio = priority ?? (state === 'MASTER' ? 255 : 100);
    const st: 'MASTER' | 'BACKUP' = state ?? (prio === 255 ? 'MASTER' : 'BACKUP');
    const unicastConfigured = UNICAST_KEYWORDS.some((k) => b[k] !== undefined);
    const peers = (b.unicast_peer as unknown[] | undefined) ?? [];
    const src = (typeof b.unicast_src_ip === 'string' ? b.unicast_src_ip : undefined) ?? (typeof b.mcast_src_ip === 'string' ? b.mcast_src_ip : undefined);
    const pd = typeof b.preempt_delay === 'number' ? b.preempt_delay : 0;
    // a plain literal (not `...inst`): V8 builds it from a template, many times faster
    return {
      name: inst.name,
      pointer: inst.pointer,
      body: inst.body,
      node,
      family: fam,
      familyPointer,
      version: ver,
      versionWritten: version !== undefined,
      strict,
      priority: prio,
      priorityWritten: priority !== undefined,
      state: st,
      stateWritten: state !== undefined,
      nopreemptWritten: nopreempt,
      preemptDelay: pd,
      unicastConfigured,
      unicast: unicastConfigured && peers.length > 0,
      sourceAddress: src,
      vmac: b.use_vmac !== undefined || vmacNode !== undefined,
      ipvlan: b.use_ipvlan !== undefined || ipvlanNode !== undefined,
      vmacNode,
      ipvlanNode,
      interface: typeof b.interface === 'string' ? b.interface : undefined,
      vips: ((b.virtual_ipaddress as Obj[] | undefined) ?? []).filter((v) => v && typeof v === 'object'),
      syncGroup: sync.get(inst.name),
    };
  });
  factsCache.set(ctx.document, out);
  return out;
}

/** The statement node of a keyword inside a block node (first or last occurrence). */
export function findStatement(node: BlockNode | undefined, keyword: string, which: 'first' | 'last' = 'last'): StatementNode | undefined {
  const list = statements(node?.body).filter((s) => s.keyword === keyword);
  return which === 'first' ? list[0] : list[list.length - 1];
}

/** A location for a whole named block's header (`vrrp_instance VI_1`). */
export function headerLoc(ctx: RuleContext, pointer: string): Loc {
  return ctx.locate(pointer, 'value');
}

/** Pointer of the keyword a user would fix for an instance-level finding, first that exists. */
export function firstWritten(ctx: RuleContext, base: string, keywords: string[]): string {
  for (const k of keywords) if (ctx.has(`${base}/${k}`)) return `${base}/${k}`;
  return base;
}

/** Where to report at a keyword of an instance: its statement in the AST (also when the Document lacks the value). */
export function keywordAt(ctx: RuleContext, f: InstanceFacts, keyword: string): { loc: Loc } | { pointer: string; at: 'keyword' } {
  const st = findStatement(f.node, keyword, 'first');
  return st ? { loc: st.keywordLoc } : { pointer: `${f.pointer}/${keyword}`, at: 'keyword' };
}
