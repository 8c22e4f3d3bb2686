/** Every command keepalived would execute, grouped by the process that checks it. */
import type { Obj, RuleContext } from '../../context.js';

export type Side = 'vrrp' | 'checker' | 'startstop';

export interface ScriptUse {
  side: Side;
  /** pointer of the value holding the command (`.../script`, `.../misc_path`, `.../notify_up/script`) */
  pointer: string;
  /** the keyword as a user reads it: `vrrp_script chk`, `notify_master of vrrp_instance VI_1` */
  what: string;
  /** the command as written (program and arguments) */
  command: string;
  /** the program: the first word of the command */
  program: string;
  /** a user written for this script (user / username) */
  user: string | undefined;
}

/** The program of a command: its first word, with quotes removed (keepalived splits the value again). */
export function programOf(command: string): string {
  const t = command.trim();
  const m = /^(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(t);
  return (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim();
}

/** `<` followed by a path: keepalived only tests that the file can be opened, nothing is executed. */
export function isFileTest(command: string): boolean {
  return /^<\s*\//.test(command.trim());
}

const INSTANCE_NOTIFY = ['notify_master', 'notify_backup', 'notify_fault', 'notify_stop', 'notify', 'notify_master_rx_lower_pri', 'notify_deleted'];
const GROUP_NOTIFY = ['notify_master', 'notify_backup', 'notify_fault', 'notify_stop', 'notify'];

export function scriptUses(ctx: RuleContext): ScriptUse[] {
  return ctx.memo('script/uses', () => findScriptUses(ctx)).slice();
}

function findScriptUses(ctx: RuleContext): ScriptUse[] {
  const out: ScriptUse[] = [];
  const add = (side: Side, pointer: string, what: string, command: unknown, user: unknown): void => {
    if (typeof command !== 'string' || command.trim() === '' || isFileTest(command)) return;
    out.push({ side, pointer, what, command, program: programOf(command), user: typeof user === 'string' ? user : undefined });
  };
  const notify = (side: Side, base: string, what: string, v: unknown): void => {
    if (!isObj(v)) return;
    add(side, `${base}/script`, what, v.script, v.username);
  };
  const g = ctx.globalDefs;
  const hasVrrp = ctx.instances().length > 0;
  const servers = (ctx.document.virtual_server as Obj[] | undefined) ?? [];
  const hasChecker = servers.length > 0;
  if (hasVrrp) {
    for (const s of ctx.named('vrrp_script')) {
      const user = (s.body.user as Obj | undefined)?.username;
      add('vrrp', `${s.pointer}/script`, `vrrp_script ${s.name}`, s.body.script, user);
    }
    // (the pointers and words for messages are made only for a notify that is there)
    for (const i of ctx.instances()) for (const k of INSTANCE_NOTIFY) if (isObj(i.body[k])) notify('vrrp', `${i.pointer}/${k}`, `${k} of vrrp_instance ${i.name}`, i.body[k]);
    for (const sg of ctx.named('vrrp_sync_group')) for (const k of GROUP_NOTIFY) if (isObj(sg.body[k])) notify('vrrp', `${sg.pointer}/${k}`, `${k} of vrrp_sync_group ${sg.name}`, sg.body[k]);
    notify('vrrp', '/global_defs/notify_fifo_script', 'notify_fifo_script', g.notify_fifo_script);
    notify('vrrp', '/global_defs/vrrp_notify_fifo_script', 'vrrp_notify_fifo_script', g.vrrp_notify_fifo_script);
  }
  if (hasChecker) {
    servers.forEach((vs, i) => {
      const vname = (): string => `virtual_server ${String(vs.address ?? vs.fwmark ?? vs.group ?? '')}${vs.port !== undefined ? ` ${String(vs.port)}` : ''}`;
      for (const k of ['quorum_up', 'quorum_down']) if (isObj(vs[k])) notify('checker', `/virtual_server/${i}/${k}`, `${k} of ${vname()}`, vs[k]);
      const reals = (vs.real_server as Obj[] | undefined) ?? [];
      reals.forEach((rs, j) => {
        const misc = rs.MISC_CHECK as Obj[] | undefined;
        if (!isObj(rs.notify_up) && !isObj(rs.notify_down) && !misc) return;
        const rp = `/virtual_server/${i}/real_server/${j}`;
        const rname = `real_server ${String(rs.address ?? '')}${rs.port !== undefined ? ` ${String(rs.port)}` : ''}`;
        for (const k of ['notify_up', 'notify_down']) notify('checker', `${rp}/${k}`, `${k} of ${rname}`, rs[k]);
        if (misc) misc.forEach((m, n) => add('checker', `${rp}/MISC_CHECK/${n}/misc_path`, `MISC_CHECK of ${rname}`, m.misc_path, (m.user as Obj | undefined)?.user));
      });
    });
    notify('checker', '/global_defs/notify_fifo_script', 'notify_fifo_script', g.notify_fifo_script);
    notify('checker', '/global_defs/lvs_notify_fifo_script', 'lvs_notify_fifo_script', g.lvs_notify_fifo_script);
  }
  notify('startstop', '/global_defs/startup_script', 'startup_script', g.startup_script);
  notify('startstop', '/global_defs/shutdown_script', 'shutdown_script', g.shutdown_script);
  return out;
}

function isObj(v: unknown): v is Obj {
  return !!v && typeof v === 'object';
}

export function scriptSecurity(ctx: RuleContext): boolean {
  const v = ctx.globalDefs.enable_script_security;
  return v !== undefined && v !== false;
}
