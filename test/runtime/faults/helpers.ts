/** Shared by the daemon and fault-injection tests: plans from config text, peer adverts, sent adverts decoded. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileFile } from '../../../src/compile/index.js';
import type { Plan } from '../../../src/compile/plan.js';
import { Daemon } from '../../../src/runtime/daemon.js';
import type { Logger, LogLevel } from '../../../src/runtime/drivers.js';
import { type Advert, buildIpv4Datagram, decode, encode, makeAdvert, parseIpv4Datagram } from '../../../src/runtime/vrrp/packet.js';
import { fakeDrivers } from '../fakes.js';

export const SECURE = '    enable_script_security\n    script_user nobody\n';

/**
 * A temporary directory made the first time `dir` is read (a file whose tests a filtered run
 * skips runs no hooks: nothing is made, nothing left behind), removed by remove().
 */
export function tempDir(prefix: string): { readonly dir: string; remove: () => void } {
  let made: string | undefined;
  return {
    get dir(): string {
      return (made ??= mkdtempSync(join(tmpdir(), prefix)));
    },
    remove: (): void => {
      if (made) rmSync(made, { recursive: true, force: true });
      made = undefined;
    },
  };
}

let n = 0;
export function planOf(dir: string, body: string, globals = ''): Plan {
  const file = join(dir, `c${n++}.conf`);
  writeFileSync(file, `global_defs {\n    router_id test\n${globals}}\n${body}`);
  const r = compileFile(file, { version: [2, 3, 2] });
  if (!r.ok) throw new Error(`does not compile: ${JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message))} ${r.errors ?? ''}`);
  return r.plan;
}

export const instance = (extra = '', name = 'VI_1', vrid = 51, priority = 100, vip = '10.0.0.100/24') => `
vrrp_instance ${name} {
    state BACKUP
    interface eth0
    virtual_router_id ${vrid}
    priority ${priority}
    advert_int 1
${extra}
    virtual_ipaddress {
        ${vip}
    }
}
`;

export const peerAdvert = (priority: number, o: { vrid?: number; src?: string; ttl?: number; addresses?: string[]; pass?: string } = {}): Buffer => {
  const a: Advert = makeAdvert({ version: 2, vrid: o.vrid ?? 51, addresses: o.addresses ?? ['10.0.0.100'], advertIntervalMs: 1000, ...(o.pass ? { authType: 1, authPass: o.pass } : {}) }, priority);
  const src = o.src ?? '10.0.0.1';
  return buildIpv4Datagram(encode(a, { family: 'ipv4', srcAddress: src, dstAddress: '224.0.0.18' }), { srcAddress: src, dstAddress: '224.0.0.18', ttl: o.ttl ?? 255 });
};

export function sentAdverts(d: ReturnType<typeof fakeDrivers>) {
  return d.transport.sent.map((s) => {
    const ip = parseIpv4Datagram(s.data);
    if (!ip.ok) throw new Error(ip.reason);
    const r = decode(ip.payload, { family: 'ipv4', srcAddress: ip.header.srcAddress, dstAddress: ip.header.dstAddress, ttl: ip.header.ttl });
    if (!r.ok) throw new Error(r.reason);
    return { at: s.at, dst: s.dst, priority: r.advert.priority, src: ip.header.srcAddress };
  });
}

export async function started(plan: Plan, drivers = fakeDrivers()) {
  const daemon = new Daemon(plan, drivers);
  await daemon.start();
  return { daemon, d: drivers, st: () => daemon.status(1).instances[0]! };
}

export const messages = (d: ReturnType<typeof fakeDrivers>, level?: string): string[] => d.logger.lines.filter((l) => !level || l.level === level).map((l) => l.message);

/** a logger whose lines can be waited for (an event, not a sleep) */
export function waitingLogger() {
  const lines: { level: LogLevel; message: string }[] = [];
  const waiters: { re: RegExp; resolve: (m: string) => void }[] = [];
  const logger: Logger = {
    log(level, message) {
      lines.push({ level, message });
      for (const w of [...waiters]) if (w.re.test(message)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(message);
      }
    },
  };
  const waitFor = (re: RegExp, ms = 10_000): Promise<string> => {
    const seen = lines.find((l) => re.test(l.message));
    if (seen) return Promise.resolve(seen.message);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no log line ${re} within ${ms} ms; lines:\n${lines.map((l) => l.message).join('\n')}`)), ms);
      waiters.push({ re, resolve: (m) => (clearTimeout(t), resolve(m)) });
    });
  };
  return { logger, lines, waitFor };
}

