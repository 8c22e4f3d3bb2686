/** kaconf compile, the LVS part: virtual servers, real servers, checkers, with keepalived's defaults and corrections. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileFile } from '../../src/compile/index.js';
import type { Plan, PlanChecker } from '../../src/compile/plan.js';
import { validatePlan } from '../../src/compile/validate.js';
import { ROOT } from '../helpers/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'kaconf-iv-compile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
/** rules: keepalived's corrections are lint errors; turned off, compile shows what keepalived makes of them */
function compile(text: string, off: string[] = []): { plan: Plan; warnings: string[] } {
  const f = join(dir, `c${n++}.conf`);
  writeFileSync(f, text);
  const r = compileFile(f, { version: [2, 3, 2], rules: Object.fromEntries(off.map((id) => [id, 'off' as const])) });
  if (!r.ok) throw new Error(JSON.stringify([...r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule}: ${d.message}`), ...(r.errors ?? [])]));
  expect(validatePlan(r.plan)).toEqual([]);
  return { plan: r.plan, warnings: r.warnings };
}
const vsOf = (text: string, off: string[] = []) => compile(`global_defs {\n    router_id lb\n    enable_script_security\n    script_user root\n}\n${text}`, off).plan.ipvs!.virtualServers;

describe('compile: virtual servers', () => {
  it("applies keepalived's defaults to a minimal service, its real servers and checkers", () => {
    const [vs] = vsOf(`virtual_server 10.0.0.1 80 {
    lb_algo rr
    lb_kind NAT
    protocol TCP
    real_server 192.168.0.2 8080 {
        TCP_CHECK {
        }
        HTTP_GET {
            url {
                path /health
            }
        }
        MISC_CHECK {
            misc_path "/bin/true -x"
        }
    }
}
`);
    expect(vs).toMatchObject({
      name: '[10.0.0.1]:tcp:80',
      key: { address: '10.0.0.1', port: 80 },
      family: 'ipv4',
      protocol: 'TCP',
      services: [{ family: 'ipv4', protocol: 'TCP', address: '10.0.0.1', port: 80, fwmark: null }],
      scheduler: 'rr',
      schedFlags: [],
      ops: false,
      persistence: null,
      forwarding: { method: 'NAT' },
      delayLoopMs: 60_000,
      connectTimeoutMs: 5000,
      quorum: 1,
      hysteresis: 0,
      alpha: false,
      omega: false,
      haSuspend: false,
      sorryServer: null,
    });
    const rs = vs!.realServers[0]!;
    expect(rs).toMatchObject({ name: '[192.168.0.2]:tcp:8080', port: 8080, weight: 1, inhibitOnFailure: false, alpha: false, uThreshold: 0, lThreshold: 0 });
    const [tcp, http, misc] = rs.checkers as [PlanChecker, PlanChecker, PlanChecker];
    // retry 1 (MISC 0), delay_before_retry 1 s (HTTP/SSL 3 s), warmup = delay_loop
    expect(tcp).toMatchObject({ type: 'TCP_CHECK', retry: 1, delayLoopMs: 60_000, delayBeforeRetryMs: 1000, warmupMs: 60_000, alpha: false, connection: { address: '192.168.0.2', port: 8080, timeoutMs: 5000 } });
    expect(http).toMatchObject({ type: 'HTTP_GET', retry: 1, delayBeforeRetryMs: 3000, protocol: '1.0', urls: [{ path: '/health', digest: null, statusCodes: [[200, 299]] }] });
    expect(misc).toMatchObject({ type: 'MISC_CHECK', retry: 0, delayBeforeRetryMs: 1000, timeoutMs: 60_000, dynamic: false, command: { argv: ['/bin/true', '-x'] } });
  });

  it('real servers and checkers inherit timers, weight, alpha and inhibit_on_failure; checkers override', () => {
    const [vs] = vsOf(`virtual_server 10.0.0.1 443 {
    lb_algo wrr
    lb_kind NAT
    protocol TCP
    delay_loop 2.5
    connect_timeout 0.5
    retry 4
    delay_before_retry 0.25
    warmup 0
    weight 7
    alpha
    inhibit_on_failure
    real_server 192.168.0.2 443 {
        SSL_GET {
            url {
                path /
                digest 9B3A0C85A887A256D6939DA88AABD8CD
                status_code 200-299 301 404
                virtualhost url.example
            }
            virtualhost check.example
            http_protocol 1.1
            enable_sni
            fast_recovery
        }
    }
    real_server 192.168.0.3 443 {
        weight 3
        delay_loop 1
        alpha off
        TCP_CHECK {
            retry 0
            delay_loop 0.1
            connect_port 8443
            connect_ip 192.168.0.30
            bindto 192.168.0.1
            connect_timeout 2
        }
    }
}
`);
    const [a, b] = vs!.realServers;
    expect(a).toMatchObject({ weight: 7, alpha: true, inhibitOnFailure: true });
    expect(a!.checkers[0]).toMatchObject({
      type: 'SSL_GET',
      alpha: true,
      retry: 4,
      delayLoopMs: 2500,
      delayBeforeRetryMs: 250,
      warmupMs: 0,
      connection: { timeoutMs: 500 },
      protocol: '1.1',
      enableSni: true,
      fastRecovery: true,
      virtualhost: 'check.example',
      urls: [{ digest: '9b3a0c85a887a256d6939da88aabd8cd', statusCodes: [[200, 299], [301, 301], [404, 404]], virtualhost: 'url.example' }],
    });
    expect(b).toMatchObject({ weight: 3, alpha: false, inhibitOnFailure: true });
    expect(b!.checkers[0]).toMatchObject({ retry: 0, delayLoopMs: 100, warmupMs: 0, connection: { address: '192.168.0.30', port: 8443, bindAddress: '192.168.0.1', timeoutMs: 2000 } });
  });

  it("keepalived's corrections: zero port → persistent, quorum and hysteresis lowered, DR ports, default scheduler", () => {
    const [vs, fw] = vsOf(`virtual_server 10.0.0.1 0 {
    protocol TCP
    lb_algo sh
    sh-port
    lb_kind DR
    quorum 10
    hysteresis 5
    real_server 192.168.0.2 8080 {
        weight 2
    }
    real_server 192.168.0.3 {
        weight 3
    }
}
virtual_server fwmark 7 {
    lb_algo rr
    lb_kind DR
    persistence_timeout
    persistence_granularity 255.255.255.0
    real_server 192.168.0.4 80 {
    }
}
`, ['ipvs/zero-port', 'ipvs/quorum-exceeds-weight', 'ipvs/hysteresis-quorum', 'ipvs/real-server-port']);
    expect(vs).toMatchObject({ persistence: { timeoutS: 360, granularity: null, engine: null }, quorum: 5, hysteresis: 4, schedFlags: ['sh-port'] });
    // DR: the real server gets the service's port
    expect(vs!.realServers.map((r) => r.port)).toEqual([0, 0]);
    expect(fw).toMatchObject({ name: 'FWM 7', key: { fwmark: 7 }, protocol: null, services: [{ fwmark: 7, family: 'ipv4', address: null }], persistence: { timeoutS: 360, granularity: '255.255.255.0' } });
    expect(fw!.realServers[0]!.port).toBe(0);
  });

  it('NAT real servers without a port take the service port; the checker keeps the port as written (0)', () => {
    const { plan } = compile(`virtual_server 10.0.0.1 80 {
    lb_algo rr
    lb_kind NAT
    protocol TCP
    real_server 192.168.0.2 {
        TCP_CHECK {
        }
    }
}
`);
    const rs = plan.ipvs!.virtualServers[0]!.realServers[0]!;
    expect(rs.port).toBe(80);
    expect(rs.checkers[0]).toMatchObject({ connection: { port: 0 } });
  });

  it('IPv6, groups (ranges, prefixes, fwmarks), TUN options, sorry server, notify scripts and quorum scripts', () => {
    const { plan, warnings } = compile(`global_defs {
    router_id lb
    enable_script_security
    script_user root
}
virtual_server_group G {
    10.1.0.1-3 53
    10.2.0.0/31 53
    fwmark 9
}
virtual_server group G {
    protocol UDP
    lb_kind TUN type gue port 6080 csum
    lb_algo mh
    mh-fallback
    ops
    real_server 192.168.1.2 {
        weight 2
        notify_up "/bin/echo up"
        notify_down /bin/true
    }
}
virtual_server 2001:db8::1 443 {
    protocol TCP
    lb_algo lc
    lb_kind NAT
    persistence_timeout 600
    persistence_granularity 64
    quorum 2
    quorum_up "/bin/echo quorum up"
    quorum_down /bin/true
    sorry_server 2001:db8::99 8443
    sorry_server_inhibit
    real_server 2001:db8::2 443 {
        uthreshold 100
        lthreshold 10
    }
    real_server 2001:db8::3 443 {
        SMTP_CHECK {
        }
    }
}
`);
    const [g, v6] = plan.ipvs!.virtualServers;
    expect(g).toMatchObject({ name: '[G]', key: { group: 'G' }, protocol: 'UDP', scheduler: 'mh', schedFlags: ['mh-fallback'], ops: true, forwarding: { method: 'TUN', tunnelType: 'gue', tunnelPort: 6080, tunnelChecksum: 'csum' } });
    expect(g!.services.map((s) => s.fwmark ?? `${s.address}:${s.port}`)).toEqual(['10.1.0.1:53', '10.1.0.2:53', '10.1.0.3:53', '10.2.0.0:53', '10.2.0.1:53', 9]);
    expect(g!.realServers[0]).toMatchObject({ port: 0, notifyUp: { argv: ['/bin/echo', 'up'] }, notifyDown: { argv: ['/bin/true'] } });
    expect(v6).toMatchObject({
      name: '[2001:db8::1]:tcp:443',
      family: 'ipv6',
      persistence: { timeoutS: 600, granularity: 64 },
      quorumUp: { argv: ['/bin/echo', 'quorum', 'up'] },
      sorryServer: { address: '2001:db8::99', port: 8443, inhibitOnFailure: true, weight: 1 },
    });
    expect(v6!.quorum).toBe(2); // two servers of weight 1
    expect(v6!.realServers[0]).toMatchObject({ uThreshold: 100, lThreshold: 10 });
    expect(v6!.realServers[1]!.unsupported).toEqual(['SMTP_CHECK']);
    expect(warnings.join('\n')).toMatch(/SMTP_CHECK: not carried out by kaconf run yet/);
  });

  it('a config without virtual servers has no ipvs block; plans written before it existed still validate', () => {
    const { plan } = compile(`vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        10.0.0.100
    }
}
`);
    expect(plan.ipvs).toBeUndefined();
    expect('ipvs' in plan).toBe(false);
    expect(validatePlan(JSON.parse(JSON.stringify(plan)))).toEqual([]);
  });

  it('the vocabulary fixture (every keyword) compiles to a valid plan', () => {
    const text = readFileSync(join(ROOT, 'fixtures/vocab/ipvs.valid.conf'), 'utf8');
    const { plan } = compile(text);
    expect(plan.ipvs!.virtualServers.map((v) => v.name)).toEqual(['[192.0.2.10]:tcp:80', 'FWM 7', '[vsg_udp]', '[2001:db8::10]:sctp:443']);
    expect(plan.ipvs!.ssl).toMatchObject({ ca: '/etc/ssl/certs/ca.pem', password: 'secret' });
  });
});
