/** The iproute2-like lines of a configuration: addresses, routes and rules, static and per instance. */
import type { Obj, RuleContext } from '../../context.js';
import { pointerJoin } from '../../../model/build.js';

export type LineKind = 'address' | 'route' | 'rule';

export interface IprouteLine {
  kind: LineKind;
  /** `static_routes`, `virtual_routes`, ... */
  keyword: string;
  /** the instance the line belongs to (absent for static lines) */
  instance?: string;
  pointer: string;
  value: Obj;
}

const STATIC: Record<string, LineKind> = { static_ipaddress: 'address', static_routes: 'route', static_rules: 'rule' };
const VIRTUAL: Record<string, LineKind> = {
  virtual_ipaddress: 'address',
  virtual_ipaddress_excluded: 'address',
  virtual_routes: 'route',
  virtual_rules: 'rule',
};

function collect(out: IprouteLine[], list: unknown, base: string, keyword: string, kind: LineKind, instance?: string): void {
  if (!Array.isArray(list)) return;
  list.forEach((v, i) => {
    if (!v || typeof v !== 'object') return;
    out.push({ kind, keyword, pointer: pointerJoin(base, i), value: v as Obj, ...(instance !== undefined ? { instance } : {}) });
  });
}

/** Every address, route and rule line, static ones first, then each instance's. */
export function iprouteLines(ctx: RuleContext): IprouteLine[] {
  const out: IprouteLine[] = [];
  for (const [kw, kind] of Object.entries(STATIC)) collect(out, ctx.document[kw], `/${kw}`, kw, kind);
  for (const inst of ctx.instances()) {
    for (const [kw, kind] of Object.entries(VIRTUAL)) collect(out, inst.body[kw], `${inst.pointer}/${kw}`, kw, kind, inst.name);
  }
  return out;
}

/** "static_routes" / "virtual_routes of vrrp_instance VI_1", for messages. */
export function whereText(l: IprouteLine): string {
  return l.instance === undefined ? `\`${l.keyword}\`` : `\`${l.keyword}\` of vrrp_instance ${l.instance}`;
}
