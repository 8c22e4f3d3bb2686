/**
 * A plan with keepalived's script security applied, before anything runs (start and reload),
 * as keepalived does after reading its config (vrrp.c check_vrrp_script_security,
 * check_data.c check_check_script_security, check_misc.c check_misc_script_security):
 *
 * - a refused vrrp_script is disabled and every instance that tracks it stops tracking it
 *   (no fault, no weight);
 * - a refused notify script (instance, sync group, virtual server quorum_up/down, real server
 *   notify_up/down) is dropped: the event still happens, nothing runs;
 * - a refused MISC_CHECK checker is removed from its real server;
 * - an insecure script that runs anyway (enable_script_security off) gets a warning, and, as
 *   keepalived reports it, one SECURITY VIOLATION line per side (VRRP, checkers) when scripts run
 *   without enable_script_security.
 *
 * Each refusal is one log line naming the script, its path and why.
 */
import type { Plan, PlanCommand, PlanNotify } from '../../compile/plan.js';
import type { Logger } from '../drivers.js';
import type { ScriptVerdict } from './security.js';

export type Vet = (cmd: PlanCommand) => ScriptVerdict;

const NOTIFY_KEYWORD: Record<keyof PlanNotify, string> = {
  master: 'notify_master',
  backup: 'notify_backup',
  fault: 'notify_fault',
  stop: 'notify_stop',
  any: 'notify',
  masterRxLowerPri: 'notify_master_rx_lower_pri',
};

const WHY: Record<Extract<ScriptVerdict, { run: false }>['why'], string> = {
  insecure: 'insecure',
  'not-found': 'not found',
  'not-executable': 'not executable',
  'no-user': 'no user to run it as',
};

export function vetPlan(plan: Plan, vet: Vet, logger: Logger): Plan {
  const out = structuredClone(plan);
  const security = plan.global.scriptSecurity;
  const side = { vrrp: { scripts: false, insecure: false }, checker: { scripts: false, insecure: false } };
  const cache = new Map<string, ScriptVerdict>();

  /** the command to run instead, or null when it must not run */
  const check = (cmd: PlanCommand, what: string, s: keyof typeof side, refusedThen: string): PlanCommand | null => {
    const key = JSON.stringify([cmd.argv, cmd.user ?? null, cmd.group ?? null]);
    let v = cache.get(key);
    const first = !v;
    if (!v) cache.set(key, (v = vet(cmd)));
    if (first) for (const n of v.notes) logger.log('warning', `${what}: ${n}`, { event: 'script-security', script: cmd.argv[0] });
    if (!v.run) {
      logger.log('error', `${what}: ${cmd.argv[0]} is refused (${WHY[v.why]}): ${v.reason}; ${refusedThen}`, { event: 'script-refused', script: cmd.argv[0], reason: v.why });
      return null;
    }
    side[s].scripts = true;
    if (v.insecure) {
      side[s].insecure = true;
      logger.log('warning', `${what}: ${cmd.argv[0]} is insecure: ${v.insecure}; it runs because enable_script_security is off`, { event: 'script-insecure', script: cmd.argv[0] });
    }
    return v.command;
  };

  const notifies = (n: PlanNotify, owner: string): void => {
    for (const k of Object.keys(n) as (keyof PlanNotify)[]) {
      const c = n[k];
      if (!c) continue;
      const ok = check(c, `${owner} ${NOTIFY_KEYWORD[k]}`, 'vrrp', 'it will not be run');
      if (ok) n[k] = ok;
      else delete n[k];
    }
  };

  // vrrp_scripts that some instance tracks (keepalived drops unused ones without checking them)
  const used = new Set(Object.values(out.instances).flatMap((i) => i.track.scripts.map((t) => t.name)));
  for (const [name, s] of Object.entries(out.scripts)) {
    if (!used.has(name)) continue;
    const users = Object.values(out.instances).filter((i) => i.track.scripts.some((t) => t.name === name)).map((i) => i.name);
    const ok = check(s.command, `VRRP_Script(${name})`, 'vrrp', `disabling track script ${name}; ${users.join(', ')} no longer track${users.length === 1 ? 's' : ''} it`);
    if (ok) s.command = ok;
    else {
      delete out.scripts[name];
      for (const i of Object.values(out.instances)) {
        i.track.scripts = i.track.scripts.filter((t) => t.name !== name);
        i.effectivePriority.weights = i.effectivePriority.weights.filter((w) => !(w.kind === 'script' && w.name === name));
      }
    }
  }
  for (const i of Object.values(out.instances)) notifies(i.notify, `(${i.name})`);
  for (const [name, g] of Object.entries(out.syncGroups)) notifies(g.notify, `group ${name}`);

  for (const vs of out.ipvs?.virtualServers ?? []) {
    for (const k of ['quorumUp', 'quorumDown'] as const) {
      const c = vs[k];
      if (!c) continue;
      const ok = check(c, `VS ${vs.name} ${k === 'quorumUp' ? 'quorum_up' : 'quorum_down'}`, 'checker', 'it will not be run');
      if (ok) vs[k] = ok;
      else delete vs[k];
    }
    for (const rs of vs.realServers) {
      for (const k of ['notifyUp', 'notifyDown'] as const) {
        const c = rs[k];
        if (!c) continue;
        const ok = check(c, `RS ${rs.name} ${k === 'notifyUp' ? 'notify_up' : 'notify_down'}`, 'checker', 'it will not be run');
        if (ok) rs[k] = ok;
        else delete rs[k];
      }
      rs.checkers = rs.checkers.filter((ch) => {
        if (ch.type !== 'MISC_CHECK') return true;
        const ok = check(ch.command, `MISC_CHECK on ${rs.name}`, 'checker', 'the checker is removed');
        if (ok) ch.command = ok;
        return ok !== null;
      });
    }
  }

  if (!security) {
    if (side.vrrp.scripts && Object.keys(out.instances).length) {
      logger.log('warning', `SECURITY VIOLATION: VRRP scripts run without enable_script_security${side.vrrp.insecure ? ', and some of them are insecure' : ''}`, { event: 'script-security' });
    }
    if (side.checker.scripts) {
      logger.log('warning', `SECURITY VIOLATION: checker scripts run without enable_script_security${side.checker.insecure ? ', and some of them are insecure' : ''}`, { event: 'script-security' });
    }
  }
  return out;
}
