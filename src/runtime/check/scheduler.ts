/**
 * The checker scheduler: one runner per checker, timed on the daemon's clock (a fake one in
 * tests). Each runner starts 1 s plus a random part of `warmup` after start (keepalived's
 * BOOTSTRAP_DELAY and warmup), then attempts, feeds the outcome to the checker's logic
 * (logic.ts) and waits what the logic says. The network and script work is real I/O through
 * CheckIo and ScriptRunner; its own timeouts (connect_timeout, misc_timeout) are real time.
 */
import type { PlanChecker, PlanRealServer, PlanVirtualServer } from '../../compile/plan.js';
import type { Clock, LogLevel, ScriptRunner, TimerHandle } from '../drivers.js';
import type { CheckerState } from '../ipvs/pool.js';
import { type HttpGetOptions, type HttpGetResult, type TlsMaterial, hostOf, httpGet, urlVerdict } from './http.js';
import { type HttpRun, type MiscOutcome, type MiscRun, type TcpRun, httpResult, miscResult, tcpResult } from './logic.js';
import { target, tcpCheck } from './tcp.js';
import type { PlanConnection } from '../../compile/plan.js';

/** keepalived's BOOTSTRAP_DELAY */
export const BOOTSTRAP_DELAY_MS = 1000;

export interface CheckIo {
  tcp(c: PlanConnection): Promise<{ ok: boolean; message: string }>;
  http(o: HttpGetOptions): Promise<HttpGetResult>;
}

export const realCheckIo: CheckIo = { tcp: tcpCheck, http: httpGet };

/** What a runner needs from the daemon: the pool behind it, I/O, time, logs. */
export interface RunnerDeps {
  clock: Clock;
  random: () => number;
  io: CheckIo;
  scripts: ScriptRunner;
  /** SSL block material (SSL_GET) */
  tls: TlsMaterial | null;
  /** ha_suspend: false while the service address is not on this host */
  enabled(): boolean;
  /** the verdict (update_svr_checker_state) */
  report(alive: boolean): void;
  /** misc_dynamic: the server's effective weight, its configured weight, a new weight (told to IPVS) or a silent one */
  effectiveWeight(): number;
  initialWeight(): number;
  setWeight(weight: number): void;
  adjustWeight(weight: number): void;
  logAllFailures: boolean;
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

/** What a checker is called in logs and status: the address it connects to, or its script. */
export function checkerTarget(c: PlanChecker, protocol: string): string {
  if (c.type === 'MISC_CHECK') return c.command.text;
  return `[${c.connection.address}]:${protocol}:${c.connection.port}`;
}

export class CheckerRunner {
  private timer: TimerHandle | null = null;
  private stopped = false;
  private busy: Promise<void> | null = null;
  private readonly tcpRun: TcpRun;
  private readonly httpRun: HttpRun;
  private readonly miscRun: MiscRun;
  readonly name: string;

  constructor(
    private readonly vs: PlanVirtualServer,
    private readonly rs: PlanRealServer,
    private readonly plan: PlanChecker,
    readonly state: CheckerState,
    private readonly d: RunnerDeps,
  ) {
    // keepalived starts each checker with its retries used up: one failure is enough at first
    this.tcpRun = { retryIt: plan.retry };
    this.httpRun = { url: 0, retryIt: plan.retry, failedUrl: null };
    this.miscRun = { retryIt: plan.retry, lastExitCode: 0 };
    this.name = checkerTarget(plan, (vs.protocol ?? 'tcp').toLowerCase());
  }

  start(): void {
    const warmup = this.plan.warmupMs ? this.plan.warmupMs * this.d.random() : 0;
    this.schedule(BOOTSTRAP_DELAY_MS + warmup);
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = null;
  }

  /** the attempt in flight, if any (tests and shutdown wait for it) */
  get inFlight(): Promise<void> | null {
    return this.busy;
  }

  private schedule(delayMs: number, from = this.d.clock.now()): void {
    if (this.stopped) return;
    this.timer = this.d.clock.at(from + delayMs, () => {
      this.timer = null;
      this.busy = this.attempt().finally(() => {
        this.busy = null;
      });
    });
  }

  private async attempt(): Promise<void> {
    if (this.stopped) return;
    if (!this.d.enabled()) {
      this.schedule(this.plan.delayLoopMs);
      return;
    }
    const started = this.d.clock.now();
    const p = this.plan;
    if (p.type === 'TCP_CHECK') {
      const r = await this.d.io.tcp(p.connection);
      if (this.stopped) return;
      this.note(r.ok, r.ok ? r.message : `TCP connection to ${this.name} failed: ${r.message}`);
      const wasUp = this.state.isUp;
      const delay = tcpResult(this.tcpRun, this.state, p, r.ok, {
        report: (alive) => {
          if (alive) this.d.log('info', `TCP connection to ${this.name} success.`, this.fields(true));
          else this.d.log('info', `TCP_CHECK on service ${this.name} failed${p.retry && wasUp ? ` after ${p.retry} retries` : ''}.`, this.fields(false));
          this.d.report(alive);
        },
      });
      this.schedule(delay);
      return;
    }
    if (p.type === 'HTTP_GET' || p.type === 'SSL_GET') {
      const url = p.urls[this.httpRun.url] ?? p.urls[0]!;
      const vhost = url.virtualhost ?? p.virtualhost ?? this.rs.virtualhost ?? this.vs.virtualhost;
      const sni = p.type === 'SSL_GET' && p.enableSni ? (url.virtualhost ?? p.virtualhost ?? this.vs.virtualhost ?? undefined) : undefined;
      const r = await this.d.io.http({
        connection: p.connection,
        path: url.path,
        host: vhost ?? hostOf(p.connection),
        protocol: p.protocol,
        tls: p.type === 'SSL_GET' ? { ...(this.d.tls ?? {}), ...(sni ? { servername: sni } : {}) } : false,
      });
      if (this.stopped) return;
      const v = urlVerdict(url, r);
      this.note(v.ok, v.message);
      const kind = p.type === 'SSL_GET' ? 'SSL' : 'HTTP';
      const retries = this.httpRun.retryIt;
      const delay = httpResult(this.httpRun, this.state, { ...p, urls: p.urls.length, fastRecovery: p.fastRecovery }, v.ok, {
        report: (alive) => {
          if (alive) this.d.log('info', `Remote Web server ${this.name} succeed on service.`, this.fields(true));
          else this.d.log('info', `${kind}_CHECK on service ${this.name} failed${p.retry && retries > 0 ? ` after ${retries} retries` : ''}: ${v.message}.`, this.fields(false));
          this.d.report(alive);
        },
      });
      this.schedule(delay);
      return;
    }
    if (p.type !== 'MISC_CHECK') return;
    const r = await this.d.scripts.check(p.command, p.timeoutMs);
    if (this.stopped) return;
    const out: MiscOutcome = r.code !== null && !r.timedOut ? { exited: true, status: r.code } : { exited: false, timedOut: r.timedOut, signal: r.signal };
    const ok = out.exited && (out.status === 0 || (p.dynamic && out.status >= 2 && out.status <= 255));
    const how = r.error ? `could not run (${r.error})` : r.timedOut ? `timed out (${p.timeoutMs} ms)` : r.signal ? `killed by ${r.signal}` : `exited with status ${r.code}`;
    this.note(ok, `${p.command.argv[0]} ${how}`);
    const delay = miscResult(this.miscRun, this.state, p, out, {
      report: (alive) => {
        this.d.log('info', `Misc check for [${this.rs.name} VS ${this.vs.name}] by [${p.command.argv[0]}] ${alive ? 'succeeded' : r.timedOut ? 'timed out' : 'failed'}${alive ? '' : ` (${how})`}.`, this.fields(alive));
        this.d.report(alive);
      },
      effectiveWeight: () => this.d.effectiveWeight(),
      initialWeight: () => this.d.initialWeight(),
      setWeight: (w) => this.d.setWeight(w),
      adjustWeight: (w) => this.d.adjustWeight(w),
    });
    this.schedule(delay, started);
  }

  private note(ok: boolean, message: string): void {
    this.state.last = { at: new Date(this.d.clock.wall()).toISOString(), ok, message };
    if (!ok && (this.plan.logAllFailures || this.d.logAllFailures)) this.d.log('info', message, this.fields(false));
    else this.d.log('debug', message, this.fields(ok));
  }

  private fields(up: boolean): Record<string, unknown> {
    return { event: 'check', vs: this.vs.name, rs: this.rs.name, checker: this.plan.type, target: this.name, up };
  }
}

export { target };
