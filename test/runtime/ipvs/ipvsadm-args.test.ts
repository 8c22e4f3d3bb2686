/**
 * The exact ipvsadm commands: from a compiled config through the pool's initial batch, and
 * one by one (NAT/DR/TUN, every scheduler keepalived accepts, scheduler flags, persistence,
 * weights and thresholds, fwmark and IPv6 services, removal). No kernel needed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileFile } from '../../../src/compile/index.js';
import type { PlanIpvsService } from '../../../src/compile/plan.js';
import { applyToTable, ipvsadmArgs, ipvsadmLine, parseSave, tableLines } from '../../../src/runtime/ipvs/ipvsadm-args.js';
import { Pool } from '../../../src/runtime/ipvs/pool.js';
import type { IpvsDest, IpvsService } from '../../../src/runtime/ipvs/types.js';

const dir = mkdtempSync(join(tmpdir(), 'kaconf-iv-args-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** the initial batch of every virtual server of a config */
function batchOf(body: string): string[] {
  const f = join(dir, `c${n++}.conf`);
  writeFileSync(f, `global_defs {\n    router_id lb\n}\n${body}`);
  const r = compileFile(f, { version: [2, 3, 2] });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)));
  return r.plan.ipvs!.virtualServers.flatMap((vs) => new Pool(vs).init().flatMap((e) => (e.kind === 'ipvs' ? [ipvsadmLine(e.command)] : [])));
}

const V4: PlanIpvsService = { family: 'ipv4', protocol: 'TCP', address: '10.0.0.1', port: 80, fwmark: null };
const svc = (over: Partial<IpvsService> = {}): IpvsService => ({ ...V4, scheduler: 'wlc', schedFlags: [], ops: false, persistence: null, ...over });
const dest = (over: Partial<IpvsDest> = {}): IpvsDest => ({ address: '192.168.0.2', family: 'ipv4', port: 8080, forwarding: { method: 'NAT' }, weight: 1, uThreshold: 0, lThreshold: 0, ...over });

describe('ipvsadm commands from a config', () => {
  it('NAT, DR and TUN services with weights, thresholds and a persistent service', () => {
    expect(
      batchOf(`virtual_server 10.0.0.1 80 {
    lb_algo wrr
    lb_kind NAT
    protocol TCP
    real_server 192.168.0.2 8080 {
        weight 3
        uthreshold 100
        lthreshold 10
    }
    real_server 192.168.0.3 {
        weight 0
    }
}
virtual_server 10.0.0.2 443 {
    lb_algo sh
    sh-fallback
    sh-port
    lb_kind DR
    protocol TCP
    persistence_timeout 600
    persistence_granularity 255.255.255.0
    persistence_engine sip
    real_server 192.168.0.4 443 {
        weight 2
    }
}
virtual_server 10.0.0.3 53 {
    lb_algo rr
    lb_kind TUN type gue port 6080 remcsum
    protocol UDP
    ops
    real_server 192.168.0.5 53 {
    }
    real_server 192.168.0.6 53 {
        lvs_method TUN type gre csum
    }
    real_server 192.168.0.7 53 {
        lvs_method TUN
    }
}
virtual_server 10.0.0.4 5060 {
    lb_algo lc
    lb_kind DR
    protocol SCTP
    real_server 192.168.0.8 5060 {
    }
}
`),
    ).toEqual([
      'ipvsadm -A -t 10.0.0.1:80 -s wrr',
      'ipvsadm -a -t 10.0.0.1:80 -r 192.168.0.2:8080 -m -w 3 -x 100 -y 10',
      'ipvsadm -a -t 10.0.0.1:80 -r 192.168.0.3:80 -m -w 0',
      'ipvsadm -A -t 10.0.0.2:443 -s sh -b sh-fallback,sh-port -p 600 -M 255.255.255.0 --pe sip',
      'ipvsadm -a -t 10.0.0.2:443 -r 192.168.0.4:443 -g -w 2',
      'ipvsadm -A -u 10.0.0.3:53 -s rr -o',
      'ipvsadm -a -u 10.0.0.3:53 -r 192.168.0.5:53 -i --tun-type gue --tun-port 6080 --tun-remcsum -w 1',
      'ipvsadm -a -u 10.0.0.3:53 -r 192.168.0.6:53 -i --tun-type gre --tun-csum -w 1',
      'ipvsadm -a -u 10.0.0.3:53 -r 192.168.0.7:53 -i -w 1',
      'ipvsadm -A --sctp-service 10.0.0.4:5060 -s lc',
      'ipvsadm -a --sctp-service 10.0.0.4:5060 -r 192.168.0.8:5060 -g -w 1',
    ]);
  });

  it('fwmark and IPv6 services (fwmark IPv6 needs -6; DR/TUN servers of a fwmark service have no port)', () => {
    expect(
      batchOf(`virtual_server fwmark 7 {
    lb_algo mh
    mh-port
    lb_kind DR
    persistence_timeout 300
    real_server 192.168.0.2 {
    }
    real_server 192.168.0.3 {
        lvs_method NAT
    }
}
virtual_server fwmark 8 {
    ip_family inet6
    lb_algo rr
    lb_kind DR
    persistence_timeout
    persistence_granularity 64
    real_server 2001:db8::2 {
        weight 5
    }
}
virtual_server 2001:db8::1 80 {
    lb_algo wlc
    lb_kind NAT
    protocol TCP
    real_server 2001:db8::3 8080 {
    }
}
`),
    ).toEqual([
      'ipvsadm -A -f 7 -s mh -b mh-port -p 300',
      'ipvsadm -a -f 7 -r 192.168.0.2:0 -g -w 1',
      'ipvsadm -a -f 7 -r 192.168.0.3:0 -m -w 1',
      'ipvsadm -A -f 8 -6 -s rr -p 360 -M 64',
      'ipvsadm -a -f 8 -6 -r [2001:db8::2]:0 -g -w 5',
      'ipvsadm -A -t [2001:db8::1]:80 -s wlc',
      'ipvsadm -a -t [2001:db8::1]:80 -r [2001:db8::3]:8080 -m -w 1',
    ]);
  });

  it('a virtual_server_group is one service per address and per fwmark; servers go into each', () => {
    expect(
      batchOf(`virtual_server_group G {
    10.1.0.1-2 80
    fwmark 9
}
virtual_server group G {
    lb_algo rr
    lb_kind DR
    protocol TCP
    real_server 192.168.0.2 {
    }
}
`),
    ).toEqual([
      'ipvsadm -A -t 10.1.0.1:80 -s rr',
      'ipvsadm -A -t 10.1.0.2:80 -s rr',
      'ipvsadm -A -f 9 -s rr',
      'ipvsadm -a -t 10.1.0.1:80 -r 192.168.0.2:80 -g -w 1',
      'ipvsadm -a -t 10.1.0.2:80 -r 192.168.0.2:80 -g -w 1',
      'ipvsadm -a -f 9 -r 192.168.0.2:0 -g -w 1',
    ]);
  });

  it('alpha servers wait for their first success; inhibit_on_failure adds them with weight 0', () => {
    expect(
      batchOf(`virtual_server 10.0.0.1 80 {
    lb_algo rr
    lb_kind NAT
    protocol TCP
    alpha
    real_server 192.168.0.2 80 {
        TCP_CHECK {
        }
    }
    real_server 192.168.0.3 80 {
        inhibit_on_failure
        weight 4
        TCP_CHECK {
        }
    }
}
`),
    ).toEqual(['ipvsadm -A -t 10.0.0.1:80 -s rr', 'ipvsadm -a -t 10.0.0.1:80 -r 192.168.0.3:80 -m -w 0']);
  });
});

describe('ipvsadm commands one by one', () => {
  it('every scheduler keepalived accepts', () => {
    for (const s of ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'sh', 'mh', 'dh', 'fo', 'ovf', 'lblcr', 'sed', 'nq', 'twos']) {
      expect(ipvsadmArgs({ op: 'add-service', service: svc({ scheduler: s }) })).toEqual(['-A', '-t', '10.0.0.1:80', '-s', s]);
      expect(ipvsadmArgs({ op: 'edit-service', service: svc({ scheduler: s, protocol: 'UDP' }) })).toEqual(['-E', '-u', '10.0.0.1:80', '-s', s]);
    }
  });

  it('scheduler flags, persistence with granularity and engine, one-packet scheduling', () => {
    expect(ipvsadmArgs({ op: 'add-service', service: svc({ scheduler: 'sh', schedFlags: ['sh-fallback', 'sh-port'] }) })).toEqual(['-A', '-t', '10.0.0.1:80', '-s', 'sh', '-b', 'sh-fallback,sh-port']);
    expect(ipvsadmArgs({ op: 'add-service', service: svc({ schedFlags: ['flag-1', 'flag-2', 'flag-3'] }) })).toEqual(['-A', '-t', '10.0.0.1:80', '-s', 'wlc', '-b', 'flag-1,flag-2,flag-3']);
    expect(ipvsadmArgs({ op: 'add-service', service: svc({ persistence: { timeoutS: 60, granularity: null, engine: null } }) })).toEqual(['-A', '-t', '10.0.0.1:80', '-s', 'wlc', '-p', '60']);
    expect(ipvsadmArgs({ op: 'add-service', service: svc({ persistence: { timeoutS: 2678400, granularity: '255.255.0.0', engine: 'sip' } }) })).toEqual([
      '-A',
      '-t',
      '10.0.0.1:80',
      '-s',
      'wlc',
      '-p',
      '2678400',
      '-M',
      '255.255.0.0',
      '--pe',
      'sip',
    ]);
    expect(ipvsadmArgs({ op: 'add-service', service: svc({ protocol: 'UDP', ops: true }) })).toEqual(['-A', '-u', '10.0.0.1:80', '-s', 'wlc', '-o']);
  });

  it('destinations: forwarding, weights (0 and the maximum), thresholds; edit and delete', () => {
    expect(ipvsadmArgs({ op: 'add-dest', service: V4, dest: dest() })).toEqual(['-a', '-t', '10.0.0.1:80', '-r', '192.168.0.2:8080', '-m', '-w', '1']);
    expect(ipvsadmArgs({ op: 'edit-dest', service: V4, dest: dest({ weight: 0 }) })).toEqual(['-e', '-t', '10.0.0.1:80', '-r', '192.168.0.2:8080', '-m', '-w', '0']);
    expect(ipvsadmArgs({ op: 'edit-dest', service: V4, dest: dest({ weight: 2147483647, forwarding: { method: 'DR' }, port: 80 }) })).toEqual(['-e', '-t', '10.0.0.1:80', '-r', '192.168.0.2:80', '-g', '-w', '2147483647']);
    expect(ipvsadmArgs({ op: 'add-dest', service: V4, dest: dest({ forwarding: { method: 'TUN' }, uThreshold: 65535, lThreshold: 1 }) })).toEqual([
      '-a',
      '-t',
      '10.0.0.1:80',
      '-r',
      '192.168.0.2:8080',
      '-i',
      '-w',
      '1',
      '-x',
      '65535',
      '-y',
      '1',
    ]);
    expect(ipvsadmArgs({ op: 'del-dest', service: V4, dest: dest() })).toEqual(['-d', '-t', '10.0.0.1:80', '-r', '192.168.0.2:8080']);
    expect(ipvsadmArgs({ op: 'del-service', service: V4 })).toEqual(['-D', '-t', '10.0.0.1:80']);
  });

  it('IPv6 and fwmark services', () => {
    const v6: PlanIpvsService = { family: 'ipv6', protocol: 'UDP', address: '2001:db8::1', port: 53, fwmark: null };
    const fw4: PlanIpvsService = { family: 'ipv4', protocol: null, address: null, port: 0, fwmark: 1 };
    const fw6: PlanIpvsService = { family: 'ipv6', protocol: null, address: null, port: 0, fwmark: 4294967295 };
    expect(ipvsadmLine({ op: 'add-service', service: { ...svc(), ...v6 } })).toBe('ipvsadm -A -u [2001:db8::1]:53 -s wlc');
    expect(ipvsadmLine({ op: 'add-dest', service: v6, dest: dest({ address: '2001:db8::2', family: 'ipv6', port: 53 }) })).toBe('ipvsadm -a -u [2001:db8::1]:53 -r [2001:db8::2]:53 -m -w 1');
    expect(ipvsadmLine({ op: 'del-service', service: fw4 })).toBe('ipvsadm -D -f 1');
    expect(ipvsadmLine({ op: 'del-dest', service: fw6, dest: { address: '2001:db8::2', family: 'ipv6', port: 0 } })).toBe('ipvsadm -d -f 4294967295 -6 -r [2001:db8::2]:0');
  });
});

describe("ipvsadm's save format", () => {
  it('reads back what ipvsadm -S -n prints, and a table follows the commands as the kernel would', () => {
    const saved = `-A -t 10.0.0.1:80 -s wlc
-a -t 10.0.0.1:80 -r 192.168.0.2:8080 -m -w 3
-a -t 10.0.0.1:80 -r 192.168.0.3:8080 -m -w 0
-A -f 7 -6 -s rr -p 360
-a -f 7 -6 -r [2001:db8::2]:0 -g -w 1
-A -u 10.0.0.2:53 -s sh -b sh-port
-A --sctp-service [2001:db8::1]:5060 -s lc
`;
    const t = parseSave(saved);
    expect(t.size).toBe(4);
    expect(tableLines(t)).toEqual([
      '-A -f 7 -6 -s rr',
      '-a -f 7 -6 -r [2001:db8::2]:0 -g -w 1',
      '-A --sctp-service [2001:db8::1]:5060 -s lc',
      '-A -t 10.0.0.1:80 -s wlc',
      '-a -t 10.0.0.1:80 -r 192.168.0.2:8080 -m -w 3',
      '-a -t 10.0.0.1:80 -r 192.168.0.3:8080 -m -w 0',
      '-A -u 10.0.0.2:53 -s sh',
    ]);
    expect(applyToTable(t, { op: 'add-service', service: svc() })).toBe('Service already exists');
    expect(applyToTable(t, { op: 'add-dest', service: V4, dest: dest() })).toBe('Destination already exists');
    expect(applyToTable(t, { op: 'edit-dest', service: V4, dest: dest({ weight: 9 }) })).toBeNull();
    expect(applyToTable(t, { op: 'del-dest', service: V4, dest: dest({ address: '192.168.0.9' }) })).toBe('No such destination');
    expect(applyToTable(t, { op: 'del-service', service: V4 })).toBeNull();
    expect(applyToTable(t, { op: 'add-dest', service: V4, dest: dest() })).toBe('No such service');
  });
});
