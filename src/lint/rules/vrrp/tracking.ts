/**
 * Track lists (`track_script`, `track_file`, `track_process`, `track_bfd`, `track_interface`) of
 * instances and sync groups, resolved the way keepalived does while reading: a name must be
 * defined by a block *above* the list, and an item without `weight` takes the block's weight.
 */
import type { Obj, RuleContext } from '../../context.js';
import { instanceFacts, positionOf, type InstanceFacts } from './facts.js';

export type TrackKind = 'track_script' | 'track_file' | 'track_process' | 'track_bfd' | 'track_interface';

export const TRACK_KINDS: TrackKind[] = ['track_interface', 'track_script', 'track_file', 'track_process', 'track_bfd'];

export interface Definition {
  keyword: string;
  name: string;
  pointer: string;
  body: Obj;
  position: number;
  /** keepalived drops the block (no script / file / process): references to it are not found */
  dropped?: string;
  /** the weight an item without its own `weight` takes */
  weight: number;
}

/** What a track list names, per kind. */
export function definitions(ctx: RuleContext, kind: Exclude<TrackKind, 'track_interface'>): Map<string, Definition> {
  const out = new Map<string, Definition>();
  const add = (keyword: string, weightOf: (b: Obj) => number, dropped: (b: Obj) => string | undefined): void => {
    for (const e of ctx.named(keyword)) {
      const d: Definition = { keyword, name: e.name, pointer: e.pointer, body: e.body, position: positionOf(ctx, e.pointer), weight: weightOf(e.body) };
      const why = dropped(e.body);
      if (why) d.dropped = why;
      const prev = out.get(e.name);
      // the first block of a name is the one keepalived finds
      if (!prev || d.position < prev.position) out.set(e.name, d);
    }
  };
  const num = (v: unknown, dflt: number): number => (typeof v === 'number' && Number.isInteger(v) ? v : dflt);
  const wv = (b: Obj, key: string, dflt: number): number => num((b.weight as Obj | undefined)?.[key], dflt);
  switch (kind) {
    case 'track_script':
      add('vrrp_script', (b) => wv(b, 'value', 0), (b) => (typeof b.script === 'string' && b.script !== '' ? undefined : 'it has no `script`'));
      break;
    case 'track_file':
      for (const k of ['track_file', 'vrrp_track_file']) add(k, (b) => { const w = wv(b, 'value', 1); return w >= -254 && w <= 254 ? w : 1; }, (b) => (typeof b.file === 'string' && b.file !== '' ? undefined : 'it has no `file`'));
      break;
    case 'track_process':
      add('vrrp_track_process', (b) => wv(b, 'value', 0), (b) => (b.process !== undefined ? undefined : 'it has no `process`'));
      break;
    case 'track_bfd':
      add('bfd_instance', (b) => wv(b, 'weight', 0), () => undefined);
      break;
  }
  return out;
}

export interface TrackItem {
  kind: TrackKind;
  /** owner: `/vrrp_instance/VI_1` or `/vrrp_sync_group/SG` */
  owner: string;
  ownerName: string;
  ownerKind: 'vrrp_instance' | 'vrrp_sync_group';
  pointer: string;
  index: number;
  name: string;
  item: Obj;
  position: number;
  /** the block it names, when keepalived finds it (defined above and not dropped) */
  def?: Definition;
  /** why keepalived does not find it */
  missing?: 'undefined' | 'later' | 'dropped';
  /** keepalived's effective weight (interfaces: 0 unless written) */
  weight: number;
  /** an earlier entry of the same list names the same object */
  duplicateOf?: number;
}

const itemsCache = new WeakMap<object, TrackItem[]>();

/** Every track entry of instances and sync groups, resolved. */
export function trackItems(ctx: RuleContext): TrackItem[] {
  const cached = itemsCache.get(ctx.document);
  if (cached) return cached;
  const defs = new Map<TrackKind, Map<string, Definition>>();
  for (const k of TRACK_KINDS) if (k !== 'track_interface') defs.set(k, definitions(ctx, k));
  const out: TrackItem[] = [];
  const owners: [('vrrp_instance' | 'vrrp_sync_group'), ReturnType<RuleContext['named']>][] = [
    ['vrrp_instance', ctx.named('vrrp_instance')],
    ['vrrp_sync_group', ctx.named('vrrp_sync_group')],
  ];
  for (const [ownerKind, entries] of owners) {
    for (const e of entries) {
      for (const kind of TRACK_KINDS) {
        const list = (e.body[kind] as Obj[] | undefined) ?? [];
        const seen = new Map<string, number>();
        list.forEach((item, index) => {
          if (!item || typeof item !== 'object' || typeof item.name !== 'string') return;
          const pointer = `${e.pointer}/${kind}/${index}`;
          const position = positionOf(ctx, pointer);
          const t: TrackItem = { kind, owner: e.pointer, ownerName: e.name, ownerKind, pointer, index, name: item.name, item, position, weight: 0 };
          const written = typeof item.weight === 'number' ? item.weight : undefined;
          if (kind === 'track_interface') {
            t.weight = written ?? 0;
          } else {
            const d = defs.get(kind)!.get(item.name);
            if (!d) t.missing = 'undefined';
            else if (d.dropped) {
              t.missing = 'dropped';
              t.def = d;
            } else if (d.position > position) {
              t.missing = 'later';
              t.def = d;
            } else t.def = d;
            if (t.missing) {
              out.push(t);
              return;
            }
            t.weight = written ?? d!.weight;
          }
          // keepalived drops a second entry for the same object (after resolving it)
          const first = seen.get(item.name);
          if (first !== undefined) t.duplicateOf = first;
          else seen.set(item.name, index);
          out.push(t);
        });
      }
    }
  }
  itemsCache.set(ctx.document, out);
  return out;
}

export const KIND_WORD: Record<TrackKind, string> = {
  track_interface: 'interface',
  track_script: 'script',
  track_file: 'track file',
  track_process: 'process',
  track_bfd: 'BFD instance',
};

/** A weighted track entry of a VRRP instance, with what keepalived decides about its weight. */
export interface WeightedTrack {
  t: TrackItem;
  f: InstanceFacts;
  /** the instance's sync group lets weights apply (sync_group_tracking_weight or global_tracking) */
  groupAllowsWeight: boolean;
  /** a track_file entry with no weight written: its weight is the file's default, 1 */
  defaultFileWeight: boolean;
}

/**
 * The track entries of VRRP instances whose weight keepalived may refuse: resolved, not
 * repeated, not track_process (its weights are not checked), not the instance's own interface
 * (dropped before, vrrp/track-own-interface) and not weight 0.
 */
export function weightedInstanceTracks(ctx: RuleContext): WeightedTrack[] {
  const facts = new Map(instanceFacts(ctx).map((f) => [f.pointer, f]));
  const groups = new Map(ctx.named('vrrp_sync_group').map((g) => [g.name, g.body]));
  const out: WeightedTrack[] = [];
  for (const t of trackItems(ctx)) {
    if (t.ownerKind !== 'vrrp_instance' || t.missing || t.duplicateOf !== undefined || t.kind === 'track_process') continue;
    const f = facts.get(t.owner);
    if (!f) continue;
    if (t.kind === 'track_interface' && t.name === f.interface) continue;
    if (t.weight === 0) continue;
    const g = f.syncGroup ? (groups.get(f.syncGroup) ?? {}) : undefined;
    out.push({
      t,
      f,
      groupAllowsWeight: !g || g.sync_group_tracking_weight !== undefined || g.global_tracking !== undefined,
      defaultFileWeight: t.kind === 'track_file' && t.weight === 1 && typeof t.item.weight !== 'number',
    });
  }
  return out;
}
