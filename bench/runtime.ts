/**
 * Runtime benchmarks in the interop lab (test/interop/harness.ts, scenarios.ts): takeover times
 * of `kaconf run` and keepalived measured the same way in the same run, alternating, and the
 * footprint (CPU, RSS) of 250 instances at advert_int 1.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { configMany, type Variant } from '../test/interop/configs.js';
import { Lab, interopUnavailable } from '../test/interop/harness.js';
import { type FailoverOptions, type Impl, type Router, eventually, failover, startRouter } from '../test/interop/scenarios.js';
import { type Row, TAG, fmtMB, fmtX, median, onCleanup } from './lib.js';

export interface RuntimeOptions {
  rounds: number;
  warmup: number;
  /** seconds of the footprint measurement */
  footprintS: number;
  instances: number;
  log: (s: string) => void;
}

const IMPLS: Impl[] = ['kaconf', 'keepalived'];
const V2: Variant = { version: 2, unicast: false, advertInt: 1 };
const V3: Variant = { version: 3, unicast: false, advertInt: 0.1 };
const vname = (v: Variant): string => `v${v.version}, advert_int ${v.advertInt}`;

async function withLab<T>(fn: (l: Lab) => Promise<T>): Promise<T> {
  const l = new Lab(TAG);
  const down = onCleanup(() => l.down());
  try {
    l.up();
    return await fn(l);
  } finally {
    await down();
  }
}

interface Scenario {
  name: string;
  /** who plays the measured implementation's part */
  options: (impl: Impl) => FailoverOptions;
  /** the measured time, s */
  pick: (r: Awaited<ReturnType<typeof failover>>) => number;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'takeover after SIGKILL of a keepalived master: its last advert → VIP on the new master',
    options: (impl) => ({ signal: 'SIGKILL', master: 'keepalived', backup: impl }),
    pick: (r) => r.toVipS,
  },
  {
    name: 'takeover after SIGTERM of a keepalived master: its priority-0 advert → VIP on the new master',
    options: (impl) => ({ signal: 'SIGTERM', master: 'keepalived', backup: impl }),
    pick: (r) => r.toVipS,
  },
  {
    name: 'SIGTERM of the master, keepalived takes over: signal → VIP on the backup',
    options: (impl) => ({ signal: 'SIGTERM', master: impl, backup: 'keepalived' }),
    pick: (r) => r.signalToVipS,
  },
];

export async function takeoverBench(o: RuntimeOptions): Promise<{ rows: Row[]; notes: string[] }> {
  const why = interopUnavailable();
  if (why) return { rows: [{ what: 'takeover', kaconf: 'not run', reference: '', ratio: '', target: '', note: why }], notes: [] };
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const s of SCENARIOS) {
    for (const v of [V2, V3]) {
      const times: Record<Impl, number[]> = { kaconf: [], keepalived: [] };
      for (let round = 0; round < o.warmup + o.rounds; round++) {
        // alternate which implementation goes first
        for (const impl of round % 2 ? [...IMPLS].reverse() : IMPLS) {
          const t = await withLab(async (l) => s.pick(await failover(l, v, s.options(impl))));
          if (round >= o.warmup) times[impl].push(t);
        }
      }
      o.log(`${s.name}, ${vname(v)}: kaconf ${times.kaconf.map((t) => (t * 1000).toFixed(0)).join(' ')} ms; keepalived ${times.keepalived.map((t) => (t * 1000).toFixed(0)).join(' ')} ms`);
      const kc = median(times.kaconf) * 1000;
      const ka = median(times.keepalived) * 1000;
      const d = kc - ka;
      rows.push({
        what: `${s.name} (${vname(v)})`,
        kaconf: `${kc.toFixed(0)} ms`,
        reference: `${ka.toFixed(0)} ms`,
        ratio: `${d >= 0 ? '+' : ''}${d.toFixed(0)} ms`,
        target: '≤ +20 ms',
        pass: d <= 20,
        ...(d < -20 ? { note: `${(-d).toFixed(0)} ms sooner` } : {}),
      });
      const spread = (xs: number[]): string => `${(Math.min(...xs) * 1000).toFixed(0)}–${(Math.max(...xs) * 1000).toFixed(0)} ms`;
      notes.push(`${s.name} (${vname(v)}): kaconf ${spread(times.kaconf)}, keepalived ${spread(times.keepalived)} over ${o.rounds} runs each.`);
    }
  }
  return { rows, notes };
}

// ---------------------------------------------------------------- footprint

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

function pidsOf(ns: string): number[] {
  return (spawnSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' }).stdout ?? '').split('\n').filter(Boolean).map(Number);
}

/** CPU ticks (own and reaped children's) of a process, or undefined when it is gone */
function ticks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after the command: state(3) … utime(14) stime(15) cutime(16) cstime(17)
    return Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  } catch {
    return undefined;
  }
}

function rssMB(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

interface Footprint {
  cpuPercent: number;
  peakRssMB: number;
  processes: number;
  /** packets sent and received per second on the router's eth0 */
  txPerS: number;
  rxPerS: number;
}

function linkCounters(ns: string): { tx: number; rx: number } {
  const out = spawnSync('ip', ['-n', ns, '-j', '-s', 'link', 'show', 'dev', 'eth0'], { encoding: 'utf8' }).stdout;
  const s = (JSON.parse(out) as { stats64: { tx: { packets: number }; rx: { packets: number } } }[])[0]!.stats64;
  return { tx: s.tx.packets, rx: s.rx.packets };
}

/** CPU (% of one core) and peak RSS (sum over the processes) of everything in namespace ns over seconds s */
async function measure(nss: string[], seconds: number): Promise<Footprint[]> {
  const start = nss.map((ns) => new Map(pidsOf(ns).map((p) => [p, ticks(p)])));
  const link0 = nss.map(linkCounters);
  const peak = nss.map(() => 0);
  const t0 = Date.now();
  while (Date.now() - t0 < seconds * 1000) {
    nss.forEach((ns, i) => {
      const total = pidsOf(ns).reduce((a, p) => a + rssMB(p), 0);
      peak[i] = Math.max(peak[i]!, total);
    });
    await new Promise((r) => setTimeout(r, 1000));
  }
  const elapsed = (Date.now() - t0) / 1000;
  const link1 = nss.map(linkCounters);
  return nss.map((ns, i) => {
    let used = 0;
    let processes = 0;
    for (const [pid, before] of start[i]!) {
      const after = ticks(pid);
      if (before === undefined || after === undefined) continue;
      used += after - before;
      processes++;
    }
    return {
      cpuPercent: ((used / CLK_TCK) * 100) / elapsed,
      peakRssMB: peak[i]!,
      processes,
      txPerS: (link1[i]!.tx - link0[i]!.tx) / elapsed,
      rxPerS: (link1[i]!.rx - link0[i]!.rx) / elapsed,
    };
  });
}

/** the command name of a process, or '' when it is gone */
function commOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * Until no short-lived helper (kaconf's `ip` and `arping` children) has run in the namespace
 * for two seconds in a row: the gratuitous ARP bursts of a start are over.
 */
async function quiet(ns: string, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let calm = 0;
  while (calm < 2) {
    const helpers = pidsOf(ns).filter((p) => ['arping', 'ip'].includes(commOf(p)) && !isMonitor(p));
    calm = helpers.length === 0 ? calm + 1 : 0;
    if (Date.now() > end) throw new Error(`${ns}: helper processes still running after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** kaconf's `ip monitor` child stays for the daemon's life */
function isMonitor(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes('monitor');
  } catch {
    return false;
  }
}

async function settled(l: Lab, r: Router, role: 'MASTER' | 'BACKUP', n: number): Promise<void> {
  if (r.kind === 'kaconf') {
    await r.h.until((s) => s.instances.length === n && s.instances.every((i) => i.state === role && (role === 'BACKUP' || i.vipsHeld)), 120_000);
  } else {
    const re = new RegExp(`Entering ${role} STATE`);
    await eventually(() => r.h.proc.lines.filter((x) => re.test(x.text)).length >= n, `keepalived: ${n} instances in ${role}`, 120_000);
  }
  if (role === 'MASTER') await eventually(() => l.addresses('a').length >= n + 1, `${n} VIPs on the master`, 60_000);
  await quiet(l.ns(role === 'MASTER' ? 'a' : 'b'));
}

export async function footprintBench(o: RuntimeOptions): Promise<{ rows: Row[]; notes: string[] }> {
  const why = interopUnavailable();
  if (why) return { rows: [{ what: 'runtime footprint', kaconf: 'not run', reference: '', ratio: '', target: '', note: why }], notes: [] };
  const n = o.instances;
  const result: Record<'MASTER' | 'BACKUP', Partial<Record<Impl, Footprint>>> = { MASTER: {}, BACKUP: {} };
  const notes: string[] = [];
  // two runs: kaconf master + keepalived backup, then the other way round; both sides measured
  for (const masterImpl of IMPLS) {
    const backupImpl: Impl = masterImpl === 'kaconf' ? 'keepalived' : 'kaconf';
    await withLab(async (l) => {
      o.log(`footprint: ${n} instances, ${vname(V2)}, ${masterImpl} master on a, ${backupImpl} backup on b`);
      const master = startRouter(l, masterImpl, 'a', configMany({ at: 'a', state: 'MASTER', priority: 150 }, V2, n));
      await settled(l, master, 'MASTER', n);
      const backup = startRouter(l, backupImpl, 'b', configMany({ at: 'b', state: 'BACKUP', priority: 100 }, V2, n));
      await settled(l, backup, 'BACKUP', n);
      // gratuitous ARP repeats (garp_master_delay 5 s) and start-up work are over
      await new Promise((r) => setTimeout(r, 10_000));
      o.log(`  measuring ${o.footprintS} s`);
      const [a, b] = await measure([l.ns('a'), l.ns('b')], o.footprintS);
      result.MASTER[masterImpl] = a!;
      result.BACKUP[backupImpl] = b!;
      const side = (f: Footprint): string => `${f.cpuPercent.toFixed(2)} % CPU, ${fmtMB(f.peakRssMB)}, ${f.processes} processes, ${f.txPerS.toFixed(0)} packets/s sent, ${f.rxPerS.toFixed(0)} received`;
      o.log(`  ${masterImpl} master: ${side(a!)}; ${backupImpl} backup: ${side(b!)}`);
      notes.push(`Footprint run with the ${masterImpl} master: master ${side(a!)}; ${backupImpl} backup ${side(b!)}.`);
    });
  }
  const rows: Row[] = [];
  for (const role of ['MASTER', 'BACKUP'] as const) {
    const kc = result[role].kaconf!;
    const ka = result[role].keepalived!;
    const what = role === 'MASTER' ? `${n} instances as master (${n} adverts/s sent), ${vname(V2)}, ${o.footprintS} s` : `${n} instances as backup (${n} adverts/s received), ${vname(V2)}, ${o.footprintS} s`;
    rows.push({ what: `${what}: CPU (% of one core)`, kaconf: `${kc.cpuPercent.toFixed(2)} %`, reference: `${ka.cpuPercent.toFixed(2)} %`, ratio: fmtX(kc.cpuPercent / ka.cpuPercent), target: '≤ 3×', pass: kc.cpuPercent <= 3 * ka.cpuPercent });
    rows.push({ what: '… peak RSS', kaconf: fmtMB(kc.peakRssMB), reference: fmtMB(ka.peakRssMB), ratio: fmtX(kc.peakRssMB / ka.peakRssMB), target: '≤ 120 MB', pass: kc.peakRssMB <= 120 });
  }
  notes.unshift(
    `Footprint: CPU time (user + system, including reaped children such as \`ip\` and \`arping\`) and RSS summed over every process in the router's namespace (kaconf: node and its \`ip monitor\` child; keepalived: parent and VRRP child), sampled each second after all ${n} instances settled (state reached, VIPs on the master, no \`ip\` or \`arping\` helper run for 2 s) and 10 s more; each side's peer is the other implementation.`,
  );
  return { rows, notes };
}
