/**
 * src/compile: Document → Plan. Refuses a config with lint errors; otherwise applies every
 * keepalived default (schema `default`s, the global_defs that instances inherit, keepalived's
 * start-up corrections), resolves references (scripts, sync groups, interfaces), normalises
 * times to milliseconds and validates the result against schemas/plan.schema.json.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics.js';
import { lintParsed, type LintResult } from '../lint/index.js';
import type { RuleSetting } from '../lint/config.js';
import { buildModel, type Document } from '../model/build.js';
import { formatVersion, type Version } from '../model/versions.js';
import { VRRP_GROUP_IPV4, VRRP_GROUP_IPV6, familyOf, type AddressFamily } from '../runtime/vrrp/address.js';
import { instanceConfig, normalizeConfig } from '../runtime/vrrp/fsm.js';
import { parseFile } from '../syntax/index.js';
import { splitCommand } from './command.js';
import { compileIpvs } from './ipvs.js';
import {
  PLAN_KIND,
  PLAN_VERSION,
  type Plan,
  type PlanCommand,
  type PlanInstance,
  type PlanNotify,
  type PlanScript,
  type PlanSyncGroup,
  type PlanTrackItem,
  type PlanVip,
} from './plan.js';
import { validatePlan } from './validate.js';

export interface CompileOptions {
  version: Version;
  host?: string;
  rules?: Record<string, RuleSetting>;
}

export type CompileResult =
  | { ok: true; plan: Plan; warnings: string[]; diagnostics: Diagnostic[]; lint: LintResult }
  | { ok: false; diagnostics: Diagnostic[]; lint?: LintResult; ioError?: string; errors?: string[] };

/** Lint FILE; with no error findings, compile it to a validated plan. */
export function compileFile(path: string, options: CompileOptions): CompileResult {
  const parsed = parseFile(path, options.host !== undefined ? { host: options.host } : {});
  if ('ioError' in parsed) return { ok: false, diagnostics: [], ioError: parsed.ioError };
  const lint = lintParsed(parsed, { version: options.version, ...(options.host !== undefined ? { host: options.host } : {}), ...(options.rules ? { rules: options.rules } : {}) });
  const errors = lint.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) return { ok: false, diagnostics: lint.diagnostics, lint };
  const model = buildModel(parsed.ast, options.version);
  const text = readFileSync(path);
  const includes = parsed.sources.slice(1).map((s) => s.path);
  const warnings: string[] = [];
  const plan = compileDocument(model.document, {
    source: { file: path, sha256: createHash('sha256').update(text).digest('hex'), ...(includes.length ? { includes } : {}) },
    host: options.host ?? null,
    keepalivedVersion: formatVersion(options.version),
    warn: (m) => warnings.push(m),
  });
  const problems = validatePlan(plan);
  if (problems.length) return { ok: false, diagnostics: lint.diagnostics, lint, errors: problems };
  return { ok: true, plan, warnings, diagnostics: lint.diagnostics, lint };
}

export interface DocumentContext {
  source: Plan['source'];
  host: string | null;
  keepalivedVersion: string;
  warn?: (message: string) => void;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const flag = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const ms = (seconds: number): number => Math.round(seconds * 1_000_000) / 1000;

function command(v: unknown): PlanCommand | undefined {
  const o = obj(v);
  const text = str(o.script);
  if (text === undefined) return undefined;
  const out: PlanCommand = { text, argv: splitCommand(text) };
  if (str(o.username)) out.user = str(o.username)!;
  if (str(o.groupname)) out.group = str(o.groupname)!;
  return out;
}

function notifyOf(block: Obj): PlanNotify {
  const n: PlanNotify = {};
  const set = (key: keyof PlanNotify, kw: string): void => {
    const c = command(block[kw]);
    if (c) n[key] = c;
  };
  set('master', 'notify_master');
  set('backup', 'notify_backup');
  set('fault', 'notify_fault');
  set('stop', 'notify_stop');
  set('any', 'notify');
  set('masterRxLowerPri', 'notify_master_rx_lower_pri');
  return n;
}

/** Keywords the runtime does not carry out yet; compile keeps going and run says so. */
const UNSUPPORTED_INSTANCE = ['use_vmac', 'use_ipvlan', 'virtual_routes', 'virtual_rules', 'track_file', 'track_process', 'track_bfd', 'garp_extra_if', 'vrf'];

export function compileDocument(doc: Document, ctx: DocumentContext): Plan {
  const warn = ctx.warn ?? (() => undefined);
  const g = obj(doc.global_defs);
  const strictGlobal = flag(g.vrrp_strict) ?? false;
  const scriptUser = obj(g.script_user);
  const plan: Plan = {
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    source: ctx.source,
    host: ctx.host,
    keepalivedVersion: ctx.keepalivedVersion,
    global: {
      routerId: str(g.router_id) ?? ctx.host ?? null,
      scriptSecurity: flag(g.enable_script_security) ?? false,
      scriptUser: str(scriptUser.username) ? { user: str(scriptUser.username)!, ...(str(scriptUser.groupname) ? { group: str(scriptUser.groupname)! } : {}) } : null,
      strict: strictGlobal,
      garpIntervalMs: ms(num(g.vrrp_garp_interval) ?? 0),
      gnaIntervalMs: ms(num(g.vrrp_gna_interval) ?? 0),
    },
    scripts: {},
    syncGroups: {},
    instances: {},
  };

  for (const [name, raw] of Object.entries(obj(doc.vrrp_script))) {
    const s = obj(raw);
    const cmd = command({ script: s.script, ...obj(s.user) });
    if (!cmd) continue;
    const intervalMs = ms(num(s.interval) ?? 1);
    const weight = obj(s.weight);
    const script: PlanScript = {
      command: cmd,
      intervalMs,
      timeoutMs: num(s.timeout) !== undefined ? ms(num(s.timeout)!) : intervalMs,
      weight: num(weight.value) ?? 0,
      weightReverse: flag(weight.reverse) ?? false,
      rise: num(s.rise) ?? 1,
      fall: num(s.fall) ?? 1,
      initFail: flag(s.init_fail) ?? false,
    };
    plan.scripts[name] = script;
  }

  const groupOf = new Map<string, string>();
  const groupTrack = new Map<string, Obj>();
  for (const [name, raw] of Object.entries(obj(doc.vrrp_sync_group))) {
    const s = obj(raw);
    const members = (Array.isArray(s.group) ? (s.group as unknown[]) : []).filter((m): m is string => typeof m === 'string');
    const sg: PlanSyncGroup = { members: [], notify: notifyOf(s) };
    for (const m of members) {
      if (!(m in obj(doc.vrrp_instance))) continue;
      sg.members.push(m);
      groupOf.set(m, name);
      groupTrack.set(m, s);
    }
    plan.syncGroups[name] = sg;
  }

  for (const [name, raw] of Object.entries(obj(doc.vrrp_instance))) {
    const inst = compileInstance(name, obj(raw), g, plan, groupOf.get(name) ?? null, groupTrack.get(name), warn);
    if (inst) plan.instances[name] = inst;
  }
  for (const sg of Object.values(plan.syncGroups)) sg.members = sg.members.filter((m) => m in plan.instances);
  const ipvs = compileIpvs(doc, { warn, scriptUser: plan.global.scriptUser });
  if (ipvs) plan.ipvs = ipvs;
  return plan;
}

function vipOf(item: Obj, dev: string): PlanVip | undefined {
  const address = str(item.address);
  const family = address ? familyOf(address) : undefined;
  if (!address || !family) return undefined;
  const v: PlanVip = { address, prefix: num(item.prefix) ?? (family === 'ipv4' ? 32 : 128), family, dev: str(item.dev) ?? dev };
  if (str(item.scope)) v.scope = str(item.scope)!;
  if (str(item.label)) v.label = str(item.label)!;
  if (str(item.broadcast)) v.broadcast = str(item.broadcast)!;
  if (str(item.peer)) v.peer = str(item.peer)!;
  if (item.no_track === true) v.noTrack = true;
  return v;
}

function compileInstance(name: string, i: Obj, g: Obj, plan: Plan, syncGroup: string | null, group: Obj | undefined, warn: (m: string) => void): PlanInstance | undefined {
  const iface = str(i.interface);
  const vrid = num(i.virtual_router_id);
  if (!iface || vrid === undefined) {
    warn(`(${name}) no interface or virtual_router_id: skipped`);
    return undefined;
  }
  const vips = arr(i.virtual_ipaddress).map((v) => vipOf(v, iface)).filter((v): v is PlanVip => v !== undefined);
  const excludedVips = arr(i.virtual_ipaddress_excluded).map((v) => vipOf(v, iface)).filter((v): v is PlanVip => v !== undefined);
  const peersRaw = arr(i.unicast_peer);
  const srcAddress = str(i.unicast_src_ip) ?? str(i.mcast_src_ip) ?? null;
  const strip = (a: string): string => a.replace(/[/-].*$/, '');
  const family: AddressFamily =
    i.native_ipv6 === true
      ? 'ipv6'
      : (vips[0]?.family ?? (srcAddress ? familyOf(strip(srcAddress)) : undefined) ?? (peersRaw[0] ? familyOf(strip(str(peersRaw[0].address) ?? '')) : undefined) ?? 'ipv4');
  const explicitVersion = num(i.version);
  const version: 2 | 3 = (explicitVersion ?? (family === 'ipv6' ? 3 : (num(g.vrrp_version) ?? 2))) === 3 ? 3 : 2;
  const strict = flag(i.strict_mode) ?? flag(g.vrrp_strict) ?? false;
  const state = str(i.state);
  const priority = num(i.priority) ?? (state === 'MASTER' ? 255 : 100);
  const initialState: 'MASTER' | 'BACKUP' = state === 'MASTER' || state === 'BACKUP' ? state : priority === 255 ? 'MASTER' : 'BACKUP';
  const owner = priority === 255;

  const auth = obj(i.authentication);
  const authType = version === 2 && !strict ? str(auth.auth_type) : undefined;
  const password = str(auth.auth_pass) ?? '';

  const unicast = peersRaw.length > 0;
  const group4 = str(g.vrrp_mcast_group4) ?? VRRP_GROUP_IPV4;
  const group6 = str(g.vrrp_mcast_group6) ?? VRRP_GROUP_IPV6;
  const peers = peersRaw
    .map((p) => ({ address: strip(str(p.address) ?? ''), minTtl: num(p.min_ttl) ?? 0, maxTtl: num(p.max_ttl) ?? 255 }))
    .filter((p) => familyOf(p.address) === family);
  const ttlChecked = peersRaw.some((p) => p.min_ttl !== undefined || p.max_ttl !== undefined);
  const asV2 = flag(i.v3_checksum_as_v2) ?? flag(g.v3_checksum_as_v2) ?? false;
  const oldCk = i.old_unicast_checksum === undefined ? undefined : obj(i.old_unicast_checksum);
  const checksum: PlanInstance['checksum'] =
    version === 3 && family === 'ipv4' ? (asV2 ? 'as-v2' : unicast ? (oldCk === undefined ? 'auto' : oldCk.never === true ? 'pseudo-header' : 'old-unicast') : 'pseudo-header') : 'pseudo-header';

  const garpDelay = num(i.garp_master_delay) ?? num(g.vrrp_garp_master_delay) ?? 5;
  const garpRepeat = num(i.garp_master_repeat) ?? num(g.vrrp_garp_master_repeat) ?? 5;
  const garpIntervalMs = family === 'ipv6' ? plan.global.gnaIntervalMs : plan.global.garpIntervalMs;

  const trackItems = (list: unknown): PlanTrackItem[] =>
    arr(list)
      .filter((t) => typeof t.name === 'string')
      .map((t) => ({ name: t.name as string, weight: num(t.weight) ?? 0, reverse: t.reverse === true }));
  const interfaces = [...trackItems(i.track_interface), ...trackItems(group?.track_interface)];
  const scripts: PlanTrackItem[] = [];
  for (const t of [...arr(i.track_script), ...arr(group?.track_script)]) {
    const sname = str(t.name);
    const script = sname ? plan.scripts[sname] : undefined;
    if (!sname || !script) {
      if (sname) warn(`(${name}) track_script ${sname}: no such vrrp_script; ignored`);
      continue;
    }
    if (scripts.some((s) => s.name === sname)) continue;
    scripts.push({
      name: sname,
      weight: num(t.weight) ?? script.weight,
      reverse: t.reverse === true ? true : t.noreverse === true ? false : script.weightReverse,
    });
  }
  const weights = [
    ...scripts.filter((s) => s.weight !== 0).map((s) => ({ kind: 'script' as const, name: s.name, weight: s.weight, reverse: s.reverse })),
    ...interfaces.filter((s) => s.weight !== 0).map((s) => ({ kind: 'interface' as const, name: s.name, weight: s.weight, reverse: s.reverse })),
  ];
  if (owner && weights.length) warn(`(${name}) the address owner (priority 255) ignores track weights`);

  // keepalived's start-up corrections (fsm.normalizeConfig holds them)
  const norm = normalizeConfig(
    instanceConfig({
      name,
      vrid,
      address: family === 'ipv6' ? '::' : '0.0.0.0',
      family,
      version,
      priority,
      initialState,
      advertIntervalMs: ms(num(i.advert_int) ?? 1),
      nopreempt: i.nopreempt === true && i.preempt !== true,
      preemptDelayMs: strict ? 0 : ms(num(i.preempt_delay) ?? 0),
    }),
  );
  for (const w of norm.warnings) warn(`(${name}) ${w}`);

  const unsupported = UNSUPPORTED_INSTANCE.filter((k) => i[k] !== undefined);
  if (authType === 'AH') unsupported.push('auth_type AH');
  for (const k of unsupported) warn(`(${name}) ${k}: not carried out by kaconf run yet`);

  const out: PlanInstance = {
    name,
    interface: iface,
    vrid,
    version,
    family,
    initialState,
    priority,
    effectivePriority: { base: priority, min: 1, max: 254, owner, weights: owner ? [] : weights },
    advertIntervalMs: norm.config.advertIntervalMs,
    preempt: !norm.config.nopreempt,
    preemptDelayMs: norm.config.preemptDelayMs,
    accept: i.accept === true ? true : i.no_accept === true ? false : owner ? true : !strict,
    auth: authType === 'PASS' ? { type: 'PASS', password } : authType === 'AH' ? { type: 'AH', password } : { type: 'none' },
    transport: unicast
      ? { mode: 'unicast', srcAddress: srcAddress ? strip(srcAddress) : null, peers, ttl: num(i.unicast_ttl) ?? 255 }
      : { mode: 'multicast', group: str(i.mcast_dst_ip) ?? (family === 'ipv6' ? group6 : group4), srcAddress: srcAddress ? strip(srcAddress) : null },
    checksum,
    vips,
    excludedVips,
    garp: {
      masterDelayMs: ms(garpDelay),
      masterRepeat: garpRepeat,
      masterRefreshMs: ms(num(i.garp_master_refresh) ?? num(g.vrrp_garp_master_refresh) ?? 0),
      masterRefreshRepeat: num(i.garp_master_refresh_repeat) ?? num(g.vrrp_garp_master_refresh_repeat) ?? 1,
      lowerPrioDelayMs: ms(num(i.garp_lower_prio_delay) ?? num(g.vrrp_garp_lower_prio_delay) ?? garpDelay),
      lowerPrioRepeat: num(i.garp_lower_prio_repeat) ?? num(g.vrrp_garp_lower_prio_repeat) ?? garpRepeat,
      intervalMs: garpIntervalMs,
    },
    track: { interfaces, scripts, trackPrimaryInterface: i.dont_track_primary !== true },
    notify: notifyOf(i),
    syncGroup,
    lowerPrioNoAdvert: flag(i.lower_prio_no_advert) ?? flag(g.vrrp_lower_prio_no_advert) ?? strict,
    higherPrioSendAdvert: flag(i.higher_prio_send_advert) ?? flag(g.vrrp_higher_prio_send_advert) ?? false,
    downTimerAdverts: num(i.down_timer_adverts) ?? num(g.vrrp_down_timer_adverts) ?? 3,
    skipCheckAdvAddr: flag(i.skip_check_adv_addr) ?? flag(g.vrrp_skip_check_adv_addr) ?? false,
    checkUnicastSource: (flag(i.check_unicast_src) ?? flag(g.vrrp_check_unicast_src) ?? false) || ttlChecked,
    notifyPriorityChanges: flag(i.notify_priority_changes) ?? flag(g.vrrp_notify_priority_changes) ?? false,
    strict,
  };
  if (unsupported.length) out.unsupported = unsupported;
  return out;
}
