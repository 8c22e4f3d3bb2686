/**
 * The LVS side of the daemon (keepalived's checker process): a pool per virtual server
 * (ipvs/pool.ts), a runner per checker (check/scheduler.ts), and the IPVS driver that carries
 * the pools' commands out. The initial table goes to the driver as one batch; every later
 * change (a server up or down, a weight, quorum and sorry server) as single commands, in order.
 */
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import type { PlanIpvs, PlanVirtualServer } from '../compile/plan.js';
import type { Clock, Logger, LogLevel, ScriptRunner } from './drivers.js';
import { type CheckIo, CheckerRunner, realCheckIo } from './check/scheduler.js';
import type { TlsMaterial } from './check/http.js';
import { ipvsadmLine } from './ipvs/ipvsadm-args.js';
import { Pool, type PoolEffect, type VirtualServerStatus } from './ipvs/pool.js';
import type { IpvsCommand, IpvsDriver, IpvsResult } from './ipvs/types.js';
import { canonicalAddress } from './vrrp/address.js';

export interface LvsDrivers {
  clock: Clock;
  logger: Logger;
  scripts: ScriptRunner;
  ipvs: IpvsDriver;
  /** network checks (default: real TCP/HTTP/TLS) */
  checks?: CheckIo;
  /** warmup's random part (default Math.random) */
  random?: () => number;
  /** ha_suspend: whether an address is on this host (default: the VIPs the daemon holds, then the interfaces) */
  isLocalAddress?: (address: string) => boolean;
}

interface VsRun {
  plan: PlanVirtualServer;
  pool: Pool;
  runners: CheckerRunner[][];
}

export class Lvs {
  private plan: PlanIpvs;
  private readonly vss = new Map<string, VsRun>();
  private chain: Promise<unknown> = Promise.resolve();
  private tls: TlsMaterial | null = null;
  private stopping = false;

  constructor(
    plan: PlanIpvs,
    private readonly d: LvsDrivers,
  ) {
    this.plan = plan;
  }

  get driver(): IpvsDriver {
    return this.d.ipvs;
  }

  async start(): Promise<void> {
    this.tls = this.loadTls(this.plan);
    const batch: IpvsCommand[] = [];
    for (const vs of this.plan.virtualServers) batch.push(...this.createVs(vs));
    this.info(`IPVS: ${this.plan.virtualServers.length} virtual server(s), ${batch.length} command(s) in the initial batch (${this.d.ipvs.kind})`, { event: 'ipvs-init', commands: batch.length });
    const results = await this.d.ipvs.init(batch);
    this.report(results);
    for (const run of this.vss.values()) this.startRunners(run);
  }

  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    for (const run of this.vss.values()) this.stopVs(run);
    // checks still in flight are not waited for (a MISC script may run until its timeout): stopped runners drop their results
    await this.commandsDone();
    this.report(await this.d.ipvs.stop());
    this.vss.clear();
  }

  /** SIGHUP: unchanged virtual servers keep running (state, checkers, table); changed ones restart, removed ones go. */
  async reload(next: PlanIpvs | undefined): Promise<{ kept: string[]; restarted: string[]; removed: string[]; added: string[] }> {
    const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
    const nextList = next?.virtualServers ?? [];
    const byName = new Map(nextList.map((v) => [v.name, v]));
    const r = { kept: [] as string[], restarted: [] as string[], removed: [] as string[], added: [] as string[] };
    const globalsChanged = !!next && (!same(next.ssl, this.plan.ssl) || next.logAllFailures !== this.plan.logAllFailures || next.rsInitNotifies !== this.plan.rsInitNotifies);
    for (const [name, run] of [...this.vss]) {
      const np = byName.get(name);
      if (np && same(np, run.plan) && !globalsChanged) {
        r.kept.push(name);
        continue;
      }
      (np ? r.restarted : r.removed).push(name);
      this.stopVs(run);
      this.vss.delete(name);
      await this.commandsDone();
      this.report(await this.d.ipvs.release(run.plan.services));
    }
    if (next) this.plan = next;
    this.tls = this.loadTls(this.plan);
    for (const vs of nextList) {
      if (this.vss.has(vs.name)) continue;
      if (!r.restarted.includes(vs.name)) r.added.push(vs.name);
      for (const c of this.createVs(vs)) this.enqueue(c);
      this.startRunners(this.vss.get(vs.name)!);
    }
    await this.idle();
    return r;
  }

  /** every IPVS command so far carried out */
  private async commandsDone(): Promise<void> {
    for (let chain = this.chain; ; chain = this.chain) {
      await chain;
      if (chain === this.chain) return;
    }
  }

  /** Resolves when no check is in flight and every IPVS command so far has been carried out. */
  async idle(): Promise<void> {
    for (;;) {
      const busy = [...this.vss.values()].flatMap((v) => v.runners.flat().map((r) => r.inFlight)).filter((p): p is Promise<void> => p !== null);
      const chain = this.chain;
      await Promise.all([...busy, chain]);
      const again = [...this.vss.values()].some((v) => v.runners.flat().some((r) => r.inFlight !== null));
      if (!again && chain === this.chain) return;
    }
  }

  status(): VirtualServerStatus[] {
    return [...this.vss.values()].map((v) => v.pool.status(v.runners.map((rs) => rs.map((r) => r.name))));
  }

  // ----- internals -------------------------------------------------------------------------

  /** a pool and its runners (not started); returns the pool's initial commands */
  private createVs(vs: PlanVirtualServer): IpvsCommand[] {
    const pool = new Pool(vs, { rsInitNotifies: this.plan.rsInitNotifies });
    const run: VsRun = { plan: vs, pool, runners: [] };
    this.vss.set(vs.name, run);
    run.runners = vs.realServers.map((rs, i) =>
      rs.checkers.map(
        (c, j) =>
          new CheckerRunner(vs, rs, c, pool.rs[i]!.checkers[j]!, {
            clock: this.d.clock,
            random: this.d.random ?? Math.random,
            io: this.d.checks ?? realCheckIo,
            scripts: this.d.scripts,
            tls: this.tls,
            enabled: () => !vs.haSuspend || vs.services.every((s) => s.address === null || this.isLocal(s.address)),
            report: (alive) => this.carryOut(pool.checkerResult(i, j, alive)),
            effectiveWeight: () => pool.rs[i]!.effectiveWeight,
            initialWeight: () => pool.rs[i]!.iweight,
            setWeight: (w) => this.carryOut(pool.setWeight(i, w)),
            adjustWeight: (w) => void (pool.rs[i]!.effectiveWeight = w),
            logAllFailures: this.plan.logAllFailures,
            log: (level, message, fields) => this.d.logger.log(level, message, fields),
          }),
      ),
    );
    for (const rs of vs.realServers) for (const u of rs.unsupported ?? []) this.warn(`${vs.name} ${rs.name}: ${u} is not carried out by kaconf run; ignored`);
    const commands: IpvsCommand[] = [];
    for (const e of pool.init()) {
      if (e.kind === 'ipvs') commands.push(e.command);
      else this.effect(e);
    }
    return commands;
  }

  private startRunners(run: VsRun): void {
    for (const r of run.runners.flat()) r.start();
    this.info(`Activating healthchecker(s) for VS ${run.plan.name}: ${run.runners.flat().length}`, { event: 'checkers-start', vs: run.plan.name });
  }

  private stopVs(run: VsRun): void {
    for (const r of run.runners.flat()) r.stop();
    for (const e of run.pool.stop()) if (e.kind !== 'ipvs') this.effect(e);
  }

  private carryOut(effects: PoolEffect[]): void {
    for (const e of effects) {
      if (e.kind === 'ipvs') this.enqueue(e.command);
      else this.effect(e);
    }
  }

  private enqueue(c: IpvsCommand): void {
    if (this.stopping) return;
    this.chain = this.chain.then(async () => this.report([await this.d.ipvs.apply(c)]));
  }

  private effect(e: PoolEffect): void {
    if (e.kind === 'log') this.d.logger.log(e.level, e.message, e.fields);
    else if (e.kind === 'notify') {
      this.d.logger.log('info', `running ${e.what}: ${e.command.argv.join(' ')}`, { event: 'notify', what: e.what });
      this.d.scripts.notify(e.command, []);
    }
  }

  private report(results: IpvsResult[]): void {
    for (const r of results) {
      const line = ipvsadmLine(r.command);
      if (!r.ok) this.d.logger.log('error', `IPVS: ${line} failed: ${r.message ?? 'unknown error'}`, { event: 'ipvs-error', command: line, reason: r.message ?? null });
      else this.d.logger.log('debug', `IPVS: ${line}${r.message ? ` (${r.message})` : ''}`, { event: 'ipvs', command: line });
    }
  }

  private isLocal(address: string): boolean {
    if (this.d.isLocalAddress) return this.d.isLocalAddress(address);
    const c = canonicalAddress(address);
    return Object.values(networkInterfaces()).some((list) => (list ?? []).some((a) => canonicalAddress(a.address) === c));
  }

  private loadTls(plan: PlanIpvs): TlsMaterial | null {
    const ssl = plan.ssl;
    if (!ssl) return null;
    const read = (path: string | undefined, what: string): Buffer | undefined => {
      if (!path) return undefined;
      try {
        return readFileSync(path);
      } catch (e) {
        this.d.logger.log('error', `SSL: cannot load the ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { event: 'ssl-error' });
        return undefined;
      }
    };
    const cert = read(ssl.certificate, 'certificate');
    const key = read(ssl.key, 'key');
    const ca = read(ssl.ca, 'CA file');
    return { ...(cert ? { cert } : {}), ...(key ? { key } : {}), ...(ca ? { ca } : {}), ...(ssl.password ? { passphrase: ssl.password } : {}) };
  }

  private info(m: string, fields?: Record<string, unknown>): void {
    this.d.logger.log('info', m, fields);
  }
  private warn(m: string): void {
    this.d.logger.log('warning', m);
  }
}

export type { LogLevel };
