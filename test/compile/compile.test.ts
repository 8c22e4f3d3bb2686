/** kaconf compile: defaults, references, conditionals, units, the lint gate and the plan schema. */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { splitCommand } from '../../src/compile/command.js';
import { compileFile } from '../../src/compile/index.js';
import type { Plan } from '../../src/compile/plan.js';
import { validatePlan } from '../../src/compile/validate.js';
import { kaconf } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'kaconf-rn-compile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const write = (text: string): string => {
  const f = join(dir, `c${n++}.conf`);
  writeFileSync(f, text);
  return f;
};
function compile(text: string, host?: string): Plan {
  const r = compileFile(write(text), { version: [2, 3, 2], ...(host ? { host } : {}) });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)));
  return r.plan;
}

const MINIMAL = `global_defs {
    router_id r1
}
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
        10.0.0.100
    }
}
`;

describe('compile', () => {
  it("applies keepalived's defaults", () => {
    const p = compile(MINIMAL);
    expect(p).toMatchObject({ kind: 'kaconf.plan', version: 1, keepalivedVersion: '2.3.2', host: null });
    expect(p.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(p.instances.VI_1).toMatchObject({
      version: 2,
      family: 'ipv4',
      initialState: 'BACKUP',
      priority: 100,
      advertIntervalMs: 1000,
      preempt: true,
      preemptDelayMs: 0,
      accept: true,
      auth: { type: 'none' },
      transport: { mode: 'multicast', group: '224.0.0.18', srcAddress: null },
      checksum: 'pseudo-header',
      vips: [{ address: '10.0.0.100', prefix: 32, family: 'ipv4', dev: 'eth0' }],
      garp: { masterDelayMs: 5000, masterRepeat: 5, masterRefreshMs: 0, masterRefreshRepeat: 1, lowerPrioDelayMs: 5000, lowerPrioRepeat: 5, intervalMs: 0 },
      track: { interfaces: [], scripts: [], trackPrimaryInterface: true },
      syncGroup: null,
      lowerPrioNoAdvert: false,
      downTimerAdverts: 3,
      effectivePriority: { base: 100, min: 1, max: 254, owner: false, weights: [] },
    });
    expect(validatePlan(p)).toEqual([]);
  });

  it('instances inherit global_defs; times become milliseconds; v3 and IPv6', () => {
    const p = compile(`global_defs {
    vrrp_version 3
    vrrp_garp_master_delay 2
    vrrp_garp_master_repeat 2
    vrrp_garp_interval 0.01
    vrrp_mcast_group4 224.0.0.99
    vrrp_lower_prio_no_advert
}
vrrp_instance V4 {
    interface eth0
    virtual_router_id 1
    advert_int 0.25
    preempt_delay 1.5
    virtual_ipaddress {
        10.0.0.1/24 dev eth1 label eth1:v scope link
    }
    virtual_ipaddress_excluded {
        10.0.0.2
    }
}
vrrp_instance V6 {
    interface eth0
    virtual_router_id 2
    virtual_ipaddress {
        fd00::1/64
    }
}
`);
    expect(p.instances.V4).toMatchObject({
      version: 3,
      advertIntervalMs: 250,
      preemptDelayMs: 1500,
      transport: { group: '224.0.0.99' },
      lowerPrioNoAdvert: true,
      garp: { masterDelayMs: 2000, masterRepeat: 2, lowerPrioDelayMs: 2000, lowerPrioRepeat: 2, intervalMs: 10 },
      vips: [{ address: '10.0.0.1', prefix: 24, dev: 'eth1', label: 'eth1:v', scope: 'link' }],
      excludedVips: [{ address: '10.0.0.2', prefix: 32, dev: 'eth0' }],
    });
    expect(p.instances.V6).toMatchObject({ version: 3, family: 'ipv6', transport: { group: 'ff02::12' }, vips: [{ prefix: 64, family: 'ipv6' }] });
  });

  it('resolves scripts, weights, sync groups, notify commands and unicast peers', () => {
    const p = compile(`global_defs {
    enable_script_security
    script_user nobody
}
vrrp_script chk {
    script "/usr/bin/test -e '/run/a b'"
    weight -20 reverse
    timeout 2
    interval 3
}
vrrp_sync_group G {
    group {
        VI_2
        VI_3
    }
    notify "/usr/bin/logger -t g"
}
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    unicast_src_ip 10.0.0.1
    unicast_peer {
        10.0.0.2 min_ttl 10
    }
    track_script {
        chk
    }
    authentication {
        auth_type PASS
        auth_pass pw
    }
    notify_backup "/usr/bin/logger backup"
    virtual_ipaddress {
        10.0.0.100
    }
}
vrrp_instance VI_2 {
    interface eth0
    virtual_router_id 52
    version 3
    unicast_peer {
        10.0.0.2
    }
    virtual_ipaddress {
        10.0.0.101
    }
}
vrrp_instance VI_3 {
    interface eth0
    virtual_router_id 53
    virtual_ipaddress {
        10.0.0.102
    }
}
`);
    expect(p.scripts.chk).toMatchObject({ command: { argv: ['/usr/bin/test', '-e', '/run/a b'] }, intervalMs: 3000, timeoutMs: 2000, weight: -20, weightReverse: true, rise: 1, fall: 1 });
    expect(p.syncGroups.G).toEqual({ members: ['VI_2', 'VI_3'], notify: { any: { text: '/usr/bin/logger -t g', argv: ['/usr/bin/logger', '-t', 'g'] } } });
    const v1 = p.instances.VI_1!;
    expect(v1).toMatchObject({ initialState: 'MASTER', preempt: true, syncGroup: null, auth: { type: 'PASS', password: 'pw' }, checkUnicastSource: true });
    expect(v1.transport).toEqual({ mode: 'unicast', srcAddress: '10.0.0.1', peers: [{ address: '10.0.0.2', minTtl: 10, maxTtl: 255 }], ttl: 255 });
    expect(v1.track.scripts).toEqual([{ name: 'chk', weight: -20, reverse: true }]);
    expect(v1.notify.backup?.argv).toEqual(['/usr/bin/logger', 'backup']);
    expect(p.instances.VI_2).toMatchObject({ version: 3, checksum: 'auto', syncGroup: 'G' });
  });

  it('chooses conditional lines for the host', () => {
    const text = MINIMAL.replace('    interface eth0\n', '    interface eth0\n@h1 priority 150\n@^h1 priority 50\n');
    expect(compile(text, 'h1').instances.VI_1!.priority).toBe(150);
    expect(compile(text, 'h2').instances.VI_1!.priority).toBe(50);
    expect(compile(text, 'h1').host).toBe('h1');
  });

  it('refuses a config with lint errors', () => {
    const r = compileFile(write(MINIMAL.replace('virtual_router_id 51', 'virtual_router_id 300')), { version: [2, 3, 2] });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0);
  });

  it('the schema refuses what is not a plan', () => {
    const p = compile(MINIMAL);
    expect(validatePlan({ ...p, version: 2 })).not.toEqual([]);
    const bad = JSON.parse(JSON.stringify(p)) as Plan;
    (bad.instances.VI_1 as unknown as Record<string, unknown>).vrid = 0;
    expect(validatePlan(bad).join()).toMatch(/vrid/);
  });

  it('splits commands as keepalived does', () => {
    expect(splitCommand(`/bin/sh -c 'echo "a b" > /tmp/x'`)).toEqual(['/bin/sh', '-c', 'echo "a b" > /tmp/x']);
    expect(splitCommand('a\\ b "c \\"d\\"" e')).toEqual(['a b', 'c "d"', 'e']);
  });
});

describe('kaconf compile / run / status (CLI)', () => {
  it('compile -o writes the plan with mode 0600', () => {
    const out = join(dir, 'plan.json');
    const r = kaconf(['compile', write(MINIMAL), '-o', out]);
    expect(r.status).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('compile refuses lint errors with exit 1 and prints them', () => {
    const r = kaconf(['compile', write(MINIMAL.replace('virtual_router_id 51', 'virtual_router_id 300'))]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error/);
    expect(r.stdout).toBe('');
  });

  it('run refuses a plan that does not validate (exit 2) and a config with errors (exit 1)', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ kind: 'kaconf.plan', version: 1 }));
    const r = kaconf(['run', bad, '--dry-run']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not a valid kaconf plan/);
    expect(kaconf(['run', write(MINIMAL.replace('virtual_router_id 51', 'virtual_router_id 300')), '--dry-run']).status).toBe(1);
  });

  it('run --dry-run prints what it would do, touches nothing, keeps secrets out', () => {
    const r = kaconf(['run', write(MINIMAL.replace('    interface eth0\n', '    interface eth0\n    authentication {\n        auth_type PASS\n        auth_pass hush1234\n    }\n')), '--dry-run', '--control', join(dir, 'none.sock')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/instance VI_1: VRRPv2 ipv4 VRID 51 on eth0, multicast to 224\.0\.0\.18/);
    expect(r.stdout).toMatch(/would add 10\.0\.0\.100\/32 dev eth0/);
    expect(r.stdout + r.stderr).not.toContain('hush1234');
  });

  it('status says plainly when no daemon answers', () => {
    const r = kaconf(['status', '--control', join(dir, 'nobody.sock')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no kaconf run answers/);
  });
});
