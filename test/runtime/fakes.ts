/** Fake drivers for the daemon: a manual clock, a recording network, scripted links and scripts. */
import type { PlanCommand, PlanVip } from '../../src/compile/plan.js';
import type { Clock, Drivers, Endpoint, EndpointSpec, LinkMonitor, NetDriver, ReceivedPacket, ScriptResult, ScriptRunner, TimerHandle, Transport } from '../../src/runtime/drivers.js';
import type { ScriptVerdict } from '../../src/runtime/scripts/security.js';
import { memoryLogger } from '../../src/runtime/log.js';
import { memoryStateStore } from '../../src/runtime/state-file.js';
import type { AddressFamily } from '../../src/runtime/vrrp/address.js';

export class FakeClock implements Clock {
  t = 1000;
  private seq = 0;
  private timers: { at: number; seq: number; fn: () => void; dead: boolean }[] = [];
  now(): number {
    return this.t;
  }
  wall(): number {
    return 1_700_000_000_000 + this.t;
  }
  at(deadline: number, fn: () => void): TimerHandle {
    const timer = { at: deadline, seq: this.seq++, fn, dead: false };
    this.timers.push(timer);
    return { cancel: () => void (timer.dead = true) };
  }
  /** timers armed and neither fired nor cancelled (a leak shows as growth) */
  pending(): number {
    return this.timers.filter((x) => !x.dead).length;
  }
  /** the earliest pending deadline */
  nextDeadline(): number | undefined {
    const live = this.timers.filter((x) => !x.dead).map((x) => x.at);
    return live.length ? Math.min(...live) : undefined;
  }
  /** run every timer due up to now + ms, in order, moving the clock to each */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await flush();
      const due = this.timers.filter((x) => !x.dead && x.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      due.dead = true;
      this.t = Math.max(this.t, due.at);
      due.fn();
    }
    this.t = end;
    this.timers = this.timers.filter((x) => !x.dead);
    await flush();
  }
}

/** let promise chains (VIP work) run */
export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
}

export interface Sent {
  iface: string;
  family: AddressFamily;
  data: Buffer;
  dst: string;
  at: number;
}

export class FakeTransport implements Transport {
  readonly sent: Sent[] = [];
  readonly open_: { spec: EndpointSpec; onPacket: (p: ReceivedPacket) => void; onError: (e: Error) => void; closed: boolean }[] = [];
  /** interfaces that do not exist: open() throws, send() reports an error */
  readonly missing = new Set<string>();
  constructor(private readonly clock: FakeClock) {}
  open(spec: EndpointSpec, onPacket: (p: ReceivedPacket) => void, onError: (e: Error) => void = () => undefined): Endpoint {
    if (this.missing.has(spec.iface)) throw new Error(`interface ${spec.iface} does not exist`);
    const rec = { spec, onPacket, onError, closed: false };
    this.open_.push(rec);
    return {
      send: (data, dst) => {
        // as a socket bound to a deleted interface: the send fails, asynchronously
        if (this.missing.has(spec.iface)) queueMicrotask(() => onError(new Error('send: No such device or address')));
        else this.sent.push({ iface: spec.iface, family: spec.family, data, dst, at: this.clock.now() });
      },
      close: () => void (rec.closed = true),
    };
  }
  /** endpoints open now on an interface */
  live(iface: string): number {
    return this.open_.filter((o) => !o.closed && o.spec.iface === iface).length;
  }
  deliver(iface: string, data: Buffer, family: AddressFamily = 'ipv4', source = ''): void {
    for (const o of this.open_) if (!o.closed && o.spec.iface === iface && o.spec.family === family) o.onPacket({ iface, family, data, source });
  }
}

export class FakeNet implements NetDriver {
  readonly addrs = new Map<string, Set<string>>();
  readonly announced: string[] = [];
  readonly log: string[] = [];
  /** fault injection: an error thrown by the next calls of an operation (as iproute2 would print it) */
  readonly fail: { add?: string; remove?: string; list?: string } = {};
  /** fault injection: each add/remove takes this long on the fake clock (iproute2 slow) */
  delayMs = 0;
  /** add/remove calls still running */
  inFlight = 0;
  private clock: FakeClock | undefined;
  useClock(clock: FakeClock): this {
    this.clock = clock;
    return this;
  }
  private async slow(): Promise<void> {
    if (this.delayMs > 0 && this.clock) await new Promise<void>((r) => this.clock!.at(this.clock!.now() + this.delayMs, r));
  }
  constructor(private readonly primary: Record<string, string> = { eth0: '10.0.0.2' }) {
    this.primary = { ...primary };
    for (const [dev, a] of Object.entries(primary)) this.addrs.set(dev, new Set([`${a}/24`]));
  }
  primaryAddress(iface: string): string | null {
    return this.addrs.has(iface) ? (this.primary[iface] ?? null) : null;
  }
  async addresses(iface: string): Promise<string[]> {
    if (this.fail.list) throw new Error(this.fail.list);
    return [...(this.addrs.get(iface) ?? [])];
  }
  async addAddress(v: PlanVip): Promise<void> {
    this.inFlight++;
    try {
      await this.slow();
      if (this.fail.add) throw new Error(this.fail.add);
      if (!this.addrs.has(v.dev)) throw new Error(`Cannot find device "${v.dev}"`);
      this.addNow(v);
    } finally {
      this.inFlight--;
    }
  }
  private addNow(v: PlanVip): void {
    const set = this.addrs.get(v.dev) ?? new Set();
    const key = `${v.address}/${v.prefix}`;
    if (set.has(key)) throw new Error('RTNETLINK answers: File exists');
    set.add(key);
    this.addrs.set(v.dev, set);
    this.log.push(`add ${key} ${v.dev}`);
  }
  async removeAddress(v: PlanVip): Promise<void> {
    this.inFlight++;
    try {
      await this.slow();
      if (this.fail.remove) throw new Error(this.fail.remove);
      if (!this.addrs.has(v.dev)) throw new Error(`Cannot find device "${v.dev}"`);
      const key = `${v.address}/${v.prefix}`;
      if (!this.addrs.get(v.dev)?.delete(key)) throw new Error('RTNETLINK answers: Cannot assign requested address');
      this.log.push(`del ${key} ${v.dev}`);
    } finally {
      this.inFlight--;
    }
  }
  /** an interface deleted (its addresses go with it) or created with its primary address */
  deleteLink(dev: string): void {
    this.addrs.delete(dev);
  }
  createLink(dev: string, primary?: string): void {
    this.addrs.set(dev, new Set(primary ? [`${primary}/24`] : []));
    if (primary) this.primary[dev] = primary;
  }
  async announce(v: PlanVip): Promise<void> {
    this.announced.push(v.address);
  }
  has(dev: string, cidr: string): boolean {
    return this.addrs.get(dev)?.has(cidr) ?? false;
  }
}

export class FakeLinks implements LinkMonitor {
  readonly up = new Map<string, boolean>();
  private cb: ((iface: string, up: boolean) => void) | undefined;
  isUp(iface: string): boolean {
    return this.up.get(iface) ?? true;
  }
  start(onChange: (iface: string, up: boolean) => void): void {
    this.cb = onChange;
  }
  stop(): void {
    this.cb = undefined;
  }
  set(iface: string, up: boolean): void {
    this.up.set(iface, up);
    this.cb?.(iface, up);
  }
}

export class FakeScripts implements ScriptRunner {
  /** outcome by program path; default success */
  readonly results = new Map<string, boolean>();
  readonly checks: string[] = [];
  readonly notified: string[][] = [];
  /** script security by program path: refused (or insecure) ones; every other program runs */
  readonly verdicts = new Map<string, ScriptVerdict>();
  vet(cmd: PlanCommand): ScriptVerdict {
    return this.verdicts.get(cmd.argv[0]!) ?? { run: true, command: cmd, insecure: null, notes: [] };
  }
  async check(cmd: PlanCommand): Promise<ScriptResult> {
    this.checks.push(cmd.argv[0]!);
    const ok = this.results.get(cmd.argv[0]!) ?? true;
    return { ok, code: ok ? 0 : 1, signal: null, timedOut: false };
  }
  notify(cmd: PlanCommand, args: string[]): void {
    this.notified.push([...cmd.argv, ...args]);
  }
  stop(): void {}
}

export function fakeDrivers(primary?: Record<string, string>) {
  const clock = new FakeClock();
  const d = {
    clock,
    transport: new FakeTransport(clock),
    net: new FakeNet(primary).useClock(clock),
    links: new FakeLinks(),
    scripts: new FakeScripts(),
    state: memoryStateStore(),
    logger: memoryLogger(),
  };
  return d satisfies Drivers;
}
