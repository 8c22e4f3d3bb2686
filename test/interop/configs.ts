/** keepalived.conf texts for the interop lab (the same text runs under keepalived and kaconf). */
import { masterDownIntervalMs, skewTimeMs } from '../../src/runtime/vrrp/fsm.js';

export const VIP = '10.0.0.100';

export interface Side {
  /** 'a' = 10.0.0.1, 'b' = 10.0.0.2 */
  at: 'a' | 'b';
  state: 'MASTER' | 'BACKUP';
  priority: number;
}

export interface Variant {
  version: 2 | 3;
  unicast: boolean;
  /** seconds */
  advertInt: number;
  authPass?: string;
}

export const VARIANTS: (Variant & { name: string })[] = [
  { name: 'VRRPv2 multicast', version: 2, unicast: false, advertInt: 1 },
  { name: 'VRRPv2 unicast', version: 2, unicast: true, advertInt: 1 },
  { name: 'VRRPv3 multicast', version: 3, unicast: false, advertInt: 0.1 },
  { name: 'VRRPv3 unicast', version: 3, unicast: true, advertInt: 0.1 },
];

const addr = (at: 'a' | 'b'): string => (at === 'a' ? '10.0.0.1' : '10.0.0.2');

export function config(side: Side, v: Variant): string {
  const other = side.at === 'a' ? 'b' : 'a';
  const lines = [
    `global_defs {`,
    `    router_id r${side.at}`,
    `}`,
    `vrrp_instance VI_1 {`,
    `    state ${side.state}`,
    `    interface eth0`,
    `    virtual_router_id 51`,
    `    version ${v.version}`,
    `    priority ${side.priority}`,
    `    advert_int ${v.advertInt}`,
    ...(v.unicast ? [`    unicast_src_ip ${addr(side.at)}`, `    unicast_peer {`, `        ${addr(other)}`, `    }`] : []),
    ...(v.authPass ? [`    authentication {`, `        auth_type PASS`, `        auth_pass ${v.authPass}`, `    }`] : []),
    `    virtual_ipaddress {`,
    `        ${VIP}/24`,
    `    }`,
    `}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Master_Down_Interval and Skew_Time of a backup, in seconds */
export const mdi = (v: Variant, priority: number): number => masterDownIntervalMs(v.version, priority, v.advertInt * 1000) / 1000;
export const skew = (v: Variant, priority: number): number => skewTimeMs(v.version, priority, v.advertInt * 1000) / 1000;

/**
 * `count` instances on eth0 (VI_1…, VRIDs 1…count, at most 255), each with its own VIP
 * 10.1.N.1/24 — the runtime-footprint benchmark's config (bench/runtime.ts).
 */
export function configMany(side: Side, v: Variant, count: number): string {
  if (count < 1 || count > 255) throw new Error(`configMany: ${count} instances (1-255: one VRID each on one interface)`);
  const one = config(side, v);
  const head = /^global_defs \{[^}]*\}\n/.exec(one)![0];
  const instance = one.slice(head.length);
  const out = [head];
  for (let i = 1; i <= count; i++) {
    out.push(instance.replace('VI_1', `VI_${i}`).replace('virtual_router_id 51', `virtual_router_id ${i}`).replace(`${VIP}/24`, `10.1.${i}.1/24`));
  }
  return out.join('');
}
