/**
 * bfd_instance blocks as keepalived settles them when each block ends (in file order): an
 * instance without neighbour, with a source of the other family, or duplicating an earlier
 * surviving instance is dropped; the others are kept.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { NamedEntry, RuleContext } from '../../context.js';

export interface BfdInstance extends NamedEntry {
  /** the neighbour keyword the block uses (`neighbor_ip` or `neighbour_ip`), when it has one */
  neighborKeyword: 'neighbor_ip' | 'neighbour_ip' | undefined;
  neighbor: string | undefined;
  source: string | undefined;
  multihop: boolean;
  outcome: 'kept' | 'no-neighbor' | 'family' | 'duplicate';
  /** for a duplicate: the earlier instance it repeats */
  duplicateOf?: string;
}

/** An address as keepalived compares it: the part before a `-` or `/`, in canonical form. */
export function canonicalAddress(text: string): string | undefined {
  const a = text.replace(/[-/].*$/, '');
  if (isIPv4(a)) return a;
  if (isIPv6(a)) {
    try {
      return new URL(`http://[${a}]/`).hostname;
    } catch {
      return a.toLowerCase();
    }
  }
  return undefined;
}

/** keepalived's family of an address word: IPv6 when it holds a ':'. */
export function familyOf(text: string): 4 | 6 {
  return text.includes(':') ? 6 : 4;
}

const cache = new WeakMap<object, BfdInstance[]>();

export function bfdInstances(ctx: RuleContext): BfdInstance[] {
  const hit = cache.get(ctx.document);
  if (hit) return hit;
  const kept: BfdInstance[] = [];
  const out = ctx.named('bfd_instance').map((e): BfdInstance => {
    const b = e.body;
    // both spellings set the same value: the later line wins
    const kws = (['neighbor_ip', 'neighbour_ip'] as const).filter((k) => typeof b[k] === 'string' && !ctx.invalid(`${e.pointer}/${k}`));
    const kw = kws.sort((x, y) => (ctx.locate(`${e.pointer}/${x}`).line ?? 0) - (ctx.locate(`${e.pointer}/${y}`).line ?? 0)).at(-1);
    const neighbor = kw ? (b[kw] as string) : undefined;
    const source = typeof b.source_ip === 'string' && !ctx.invalid(`${e.pointer}/source_ip`) ? b.source_ip : undefined;
    const inst: BfdInstance = { ...e, neighborKeyword: kw, neighbor, source, multihop: b.multihop === true, outcome: 'kept' };
    if (neighbor === undefined) inst.outcome = 'no-neighbor';
    else if (source !== undefined && familyOf(source) !== familyOf(neighbor)) inst.outcome = 'family';
    else {
      const nb = canonicalAddress(neighbor);
      const src = source !== undefined ? canonicalAddress(source) : undefined;
      const dup = kept.find(
        (k) =>
          canonicalAddress(k.neighbor!) === nb &&
          // keepalived 2.3 keeps single-hop and multihop sessions to one neighbour apart
          (!ctx.atLeast('2.2.8') || k.multihop === inst.multihop) &&
          (k.source === undefined || src === undefined || canonicalAddress(k.source) === src),
      );
      if (dup) {
        inst.outcome = 'duplicate';
        inst.duplicateOf = dup.name;
      }
    }
    if (inst.outcome === 'kept') kept.push(inst);
    return inst;
  });
  cache.set(ctx.document, out);
  return out;
}
