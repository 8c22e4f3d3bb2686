/**
 * Does this host have IPVS? `kaconf run` asks before running a plan with virtual servers and
 * refuses it (unless --ipvs=record) with the plain reason: no ipvsadm, not root, or a kernel
 * without the ip_vs module.
 */
import { existsSync } from 'node:fs';
import { type Exec, runProgram } from './ipvsadm.js';

export type IpvsProbe = { ok: true; detail: string } | { ok: false; reason: string };

export async function probeIpvs(options: { exec?: Exec; program?: string; procFile?: string; exists?: (path: string) => boolean } = {}): Promise<IpvsProbe> {
  const exec = options.exec ?? runProgram;
  const program = options.program ?? 'ipvsadm';
  const proc = options.procFile ?? '/proc/net/ip_vs';
  const exists = options.exists ?? existsSync;
  // ipvsadm loads the module itself when it can (modprobe ip_vs)
  const r = await exec(program, ['-S', '-n']);
  if (r.spawnError) return { ok: false, reason: `ipvsadm is not installed or cannot run (${r.spawnError})` };
  if (r.code === 0) return { ok: true, detail: `IPVS available (${exists(proc) ? proc : 'ipvsadm answers'})` };
  const said = r.stderr.trim().split('\n')[0] ?? `exit status ${r.code}`;
  if (/Permission denied|must be root|Operation not permitted/i.test(r.stderr)) return { ok: false, reason: `IPVS needs root: ipvsadm says "${said}"` };
  if (/Protocol not available|Can't initialize ipvs|module/i.test(r.stderr) || !exists(proc)) {
    return { ok: false, reason: `this kernel has no IPVS: the ip_vs module is not loaded and cannot be loaded (no ${proc}; ipvsadm says "${said}")` };
  }
  return { ok: false, reason: `ipvsadm fails: ${said}` };
}
