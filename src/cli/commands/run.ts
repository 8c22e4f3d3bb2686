/**
 * `kaconf run PLAN_OR_CONF [--host NAME] [--dry-run] [--control PATH] [--log-format text|json]`:
 * the VRRP daemon in the foreground. SIGTERM/SIGINT: priority 0, VIPs removed, exit 0.
 * SIGHUP: reload the same file; unchanged instances keep running.
 */
import { dirname, join } from 'node:path';
import type { Plan } from '../../compile/plan.js';
import { preloadValidator } from '../../model/validate.js';
import { parseVersion } from '../../model/versions.js';
import { realClock } from '../../runtime/clock.js';
import { DEFAULT_CONTROL, startControl, stopControl } from '../../runtime/control/server.js';
import { Daemon } from '../../runtime/daemon.js';
import type { Drivers } from '../../runtime/drivers.js';
import { loadPlanOrConf } from '../../runtime/load.js';
import { streamLogger } from '../../runtime/log.js';
import { ipvsadmLine } from '../../runtime/ipvs/ipvsadm-args.js';
import { ipvsadmDriver } from '../../runtime/ipvs/ipvsadm.js';
import { Pool } from '../../runtime/ipvs/pool.js';
import { probeIpvs } from '../../runtime/ipvs/probe.js';
import { recordingDriver } from '../../runtime/ipvs/record.js';
import { iprouteNet, sysfsLinks } from '../../runtime/net/iproute.js';
import { processScripts } from '../../runtime/scripts/process.js';
import { vetPlan } from '../../runtime/scripts/vet.js';
import { fileStateStore } from '../../runtime/state-file.js';
import { loadRawSocket, rawTransport } from '../../runtime/transport/raw.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from '../exit.js';
import { printFindings } from './compile.js';
import { projectConfig, resolveVersion } from './lint.js';

export interface RunArgs {
  file: string;
  host?: string;
  dryRun?: boolean;
  control?: string;
  state?: string;
  logFormat: 'text' | 'json';
  keepalivedVersion?: string;
  /** IPVS driver: the kernel through ipvsadm (default), or a file of the commands it would run */
  ipvs?: 'ipvsadm' | 'record';
  ipvsRecord?: string;
}

export async function runRun(args: RunArgs): Promise<number> {
  const cfg = projectConfig(undefined);
  const versionText = resolveVersion(args.keepalivedVersion, cfg);
  const version = parseVersion(versionText)!;
  await preloadValidator(version);
  const host = args.host ?? cfg.host;
  const load = (expect?: 'plan' | 'conf') => loadPlanOrConf(args.file, { version, ...(host !== undefined ? { host } : {}), ...(cfg.rules ? { rules: cfg.rules } : {}) }, expect ? { expect } : {});
  const first = load();
  if (!first.ok) {
    if (first.lint) printFindings(first.lint, versionText);
    throw new UsageError(`kaconf: ${first.message}`, first.exit);
  }
  const logger = streamLogger(args.logFormat);
  for (const w of first.warnings) logger.log('warning', w);
  const control = args.control ?? DEFAULT_CONTROL;
  const statePath = args.state ?? join(dirname(control), `${control.split('/').pop()!.replace(/\.sock$/, '')}.state.json`);

  const ipvsMode = args.ipvs ?? 'ipvsadm';
  if (ipvsMode === 'record' && !args.ipvsRecord) throw new UsageError('kaconf: --ipvs=record needs --ipvs-record PATH (the file the ipvsadm commands are written to)', EXIT_USAGE);
  if (args.ipvsRecord && ipvsMode !== 'record') throw new UsageError('kaconf: --ipvs-record is only used with --ipvs=record', EXIT_USAGE);

  if (args.dryRun) {
    process.stdout.write(describe(first.plan, control, statePath, ipvsMode === 'record' ? `record to ${args.ipvsRecord}` : 'ipvsadm'));
    // the script checks a start would make, on this host
    const checks: string[] = [];
    const runner = processScripts(logger, first.plan.global.scriptUser);
    vetPlan(first.plan, (c) => runner.vet!(c, first.plan.global, first.plan.keepalivedVersion), { log: (level, m) => void checks.push(`  ${level}: ${m}`) });
    process.stdout.write(checks.length ? `script checks on this host:\n${checks.join('\n')}\n` : 'script checks on this host: every script would run\n');
    return EXIT_OK;
  }

  if (first.plan.ipvs && ipvsMode === 'ipvsadm') {
    const probe = await probeIpvs();
    if (!probe.ok) {
      throw new UsageError(
        `kaconf: ${probe.reason}.\nkaconf run refuses a plan with virtual servers here; --ipvs=record --ipvs-record PATH runs the checkers and writes the ipvsadm commands to PATH instead`,
        EXIT_FINDINGS,
      );
    }
    logger.log('info', probe.detail);
  }

  const hasVrrp = Object.keys(first.plan.instances).length > 0;
  const raw = hasVrrp ? loadRawSocket() : null;
  if (raw instanceof Error) throw new UsageError(`kaconf: ${raw.message}`, EXIT_USAGE);
  const needRoot = [...(hasVrrp ? ['raw sockets and address changes'] : []), ...(first.plan.ipvs && ipvsMode === 'ipvsadm' ? ['IPVS changes'] : [])];
  if (process.getuid?.() !== 0 && needRoot.length) logger.log('warning', `not running as root: ${needRoot.join(' and ')} will probably fail`);

  const drivers: Drivers = {
    clock: realClock,
    ipvs: ipvsMode === 'record' ? recordingDriver({ clock: realClock, path: args.ipvsRecord! }) : ipvsadmDriver({ ownedPath: statePath.replace(/(\.json)?$/, '.ipvs.json') }),
    transport: rawTransport,
    net: iprouteNet(logger),
    links: sysfsLinks(),
    scripts: processScripts(logger, first.plan.global.scriptUser),
    state: fileStateStore(statePath),
    logger,
  };
  const daemon = new Daemon(first.plan, drivers, { allowEthernetPadding: version[1] >= 3 });
  let server;
  try {
    server = await startControl(
      control,
      (req) => {
        if (req === 'status' || req === '') return daemon.status(process.pid);
        throw new Error('unknown request (the only request is: status)');
      },
      { logger },
    );
  } catch (e) {
    throw new UsageError(`kaconf: control socket ${control}: ${(e as Error).message}`, EXIT_USAGE);
  }
  logger.log('info', `kaconf run ${first.plan.source.file}: ${Object.keys(first.plan.instances).length} instance(s)${first.plan.ipvs ? `, ${first.plan.ipvs.virtualServers.length} virtual server(s) (IPVS driver ${ipvsMode})` : ''}, control ${control}`, { event: 'start', pid: process.pid });
  await daemon.start();

  return new Promise<number>((resolve) => {
    let busy: Promise<unknown> = Promise.resolve();
    let ending = false;
    const end = (signal: string): void => {
      if (ending) return;
      ending = true;
      logger.log('info', `${signal}: stopping`, { event: 'stop', signal });
      busy = busy.then(async () => {
        await daemon.stop();
        await stopControl(server, control);
        logger.log('info', 'stopped', { event: 'stopped' });
        process.off('SIGHUP', hup);
        resolve(EXIT_OK);
      });
    };
    const hup = (): void => {
      busy = busy.then(async () => {
        if (ending) return;
        logger.log('info', `SIGHUP: reloading ${args.file}`, { event: 'reload' });
        // a plan stays a plan: a file that was one and is not any more is refused, not read as a keepalived.conf
        const next = load(first.from);
        if (!next.ok) {
          logger.log('error', `reload refused, still running the previous plan: ${next.message}${next.lint ? `: ${next.lint.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.loc.line}:${d.loc.column} ${d.message}`).join('; ')}` : ''}`);
          return;
        }
        for (const w of next.warnings) logger.log('warning', w);
        await daemon.reload(next.plan);
      });
    };
    process.once('SIGTERM', () => end('SIGTERM'));
    process.once('SIGINT', () => end('SIGINT'));
    process.on('SIGHUP', hup);
  });
}

/** --dry-run: what the daemon would do, touching nothing. */
export function describe(plan: Plan, control: string, statePath: string, ipvsDriver = 'ipvsadm'): string {
  const out: string[] = [];
  out.push(`kaconf run (dry run): plan from ${plan.source.file} (sha256 ${plan.source.sha256.slice(0, 12)}), keepalived ${plan.keepalivedVersion} semantics`);
  out.push(`would remove VIPs listed in ${statePath} that an earlier run left, then listen on ${control}`);
  for (const [name, s] of Object.entries(plan.scripts)) {
    out.push(`script ${name}: would run ${JSON.stringify(s.command.argv)} every ${s.intervalMs} ms (timeout ${s.timeoutMs} ms, rise ${s.rise}, fall ${s.fall}, weight ${s.weight})`);
  }
  for (const i of Object.values(plan.instances)) {
    const t = i.transport;
    const via = t.mode === 'multicast' ? `multicast to ${t.group}` : `unicast to ${t.peers.map((p) => p.address).join(', ')}`;
    out.push(`instance ${i.name}: VRRPv${i.version} ${i.family} VRID ${i.vrid} on ${i.interface}, ${via} from ${t.srcAddress ?? `the primary address of ${i.interface}`}`);
    out.push(`  would start in ${i.initialState === 'MASTER' && i.priority === 255 ? 'MASTER' : 'BACKUP'}, priority ${i.priority}, advert every ${i.advertIntervalMs} ms, ${i.preempt ? 'preempting' : 'nopreempt'}${i.preemptDelayMs ? ` after ${i.preemptDelayMs} ms` : ''}, auth ${i.auth.type}`);
    out.push(`  as MASTER would add ${i.vips.map((v) => `${v.address}/${v.prefix} dev ${v.dev}`).join(', ') || 'no address'} and send ${i.garp.masterRepeat} gratuitous ARP/NA each (again after ${i.garp.masterDelayMs} ms)`);
    const tracked = [...i.track.interfaces.map((x) => `interface ${x.name}${x.weight ? ` weight ${x.weight}` : ''}`), ...i.track.scripts.map((x) => `script ${x.name}${x.weight ? ` weight ${x.weight}` : ''}`)];
    if (i.track.trackPrimaryInterface) tracked.unshift(`interface ${i.interface}`);
    out.push(`  tracks ${tracked.join(', ') || 'nothing'}${i.syncGroup ? `; sync group ${i.syncGroup}` : ''}`);
    const notes = Object.entries(i.notify).map(([k, c]) => `${k}: ${c.argv.join(' ')}`);
    if (notes.length) out.push(`  notify ${notes.join('; ')}`);
    if (i.unsupported?.length) out.push(`  not carried out: ${i.unsupported.join(', ')}`);
  }
  if (plan.ipvs) {
    const batch: string[] = [];
    for (const vs of plan.ipvs.virtualServers) {
      const pool = new Pool(vs, { rsInitNotifies: plan.ipvs.rsInitNotifies });
      for (const e of pool.init()) if (e.kind === 'ipvs') batch.push(ipvsadmLine(e.command));
      out.push(`virtual server ${vs.name}: ${vs.scheduler}, ${vs.forwarding.method}${vs.persistence ? `, persistent ${vs.persistence.timeoutS} s` : ''}, quorum ${vs.quorum} (hysteresis ${vs.hysteresis})${vs.sorryServer ? `, sorry server ${vs.sorryServer.address}:${vs.sorryServer.port}` : ''}${vs.haSuspend ? ', ha_suspend' : ''}`);
      for (const rs of vs.realServers) {
        out.push(`  real server ${rs.name} weight ${rs.weight}${rs.inhibitOnFailure ? ', inhibit_on_failure' : ''}${rs.alpha ? ', alpha' : ''}`);
        for (const c of rs.checkers) {
          const what = c.type === 'MISC_CHECK' ? `${JSON.stringify(c.command.argv)} (timeout ${c.timeoutMs} ms${c.dynamic ? ', dynamic' : ''})` : c.type === 'TCP_CHECK' ? `connect to ${c.connection.address}:${c.connection.port}` : `GET ${c.urls.map((u) => u.path).join(', ')} on ${c.connection.address}:${c.connection.port}`;
          out.push(`    ${c.type}: ${what} every ${c.delayLoopMs} ms (retry ${c.retry}, delay_before_retry ${c.delayBeforeRetryMs} ms${c.type !== 'MISC_CHECK' ? `, connect_timeout ${c.connection.timeoutMs} ms` : ''})`);
        }
        if (rs.unsupported?.length) out.push(`    not carried out: ${rs.unsupported.join(', ')}`);
      }
    }
    out.push(`IPVS driver ${ipvsDriver}; the initial table, as one batch:`);
    for (const l of batch) out.push(`  ${l}`);
  }
  return `${out.join('\n')}\n`;
}
