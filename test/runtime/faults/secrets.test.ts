/**
 * Secrets (auth_pass, the SSL password) never leave the plan: not in any log line (text or
 * JSON), not in `kaconf status` (JSON or text, also over the control socket), not in the
 * messages about a plan that does not validate — across the paths where the daemon says the
 * most: state changes, authentication failures, socket and iproute2 errors, reloads, stop.
 * The files that hold them (plans, the state file) are written 0600.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Daemon } from '../../../src/runtime/daemon.js';
import type { Logger } from '../../../src/runtime/drivers.js';
import { recordingDriver } from '../../../src/runtime/ipvs/record.js';
import { request } from '../../../src/runtime/control/client.js';
import { startControl, stopControl } from '../../../src/runtime/control/server.js';
import { loadPlanOrConf } from '../../../src/runtime/load.js';
import { streamLogger } from '../../../src/runtime/log.js';
import { fileStateStore } from '../../../src/runtime/state-file.js';
import { statusText } from '../../../src/runtime/status-text.js';
import { kaconf } from '../../helpers/cli.js';
import { fakeDrivers } from '../fakes.js';
import { SECURE, instance, peerAdvert, planOf, tempDir } from './helpers.js';

const tmp = tempDir('kaconf-hd-secret-');
afterAll(tmp.remove);

const PASS = 'S3cr3tPw';
const SSL_PASS = 'ssl-Key-Passphrase-42';
const auth = `    authentication {\n        auth_type PASS\n        auth_pass ${PASS}\n    }\n    notify_master /usr/bin/true`;
const LVS = `SSL {\n    password ${SSL_PASS}\n    key ${join('/nonexistent', 'key.pem')}\n}\nvirtual_server 10.0.0.1 443 {\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n    delay_loop 1\n    real_server 127.0.0.1 1 {\n        SSL_GET {\n            url {\n                path /\n            }\n            connect_timeout 1\n        }\n    }\n}\n`;

describe('auth_pass and the SSL password', () => {
  it('appear in no log line (text and JSON), no status (JSON, text, control socket), through faults, reload and stop', async () => {
    const text: string[] = [];
    const json: string[] = [];
    const textLog = streamLogger('text', (l) => void text.push(l), { debug: true, journal: true });
    const jsonLog = streamLogger('json', (l) => void json.push(l), { debug: true });
    const logger: Logger = { log: (level, m, f) => (textLog.log(level, m, f), jsonLog.log(level, m, f)) };
    const d = fakeDrivers();
    const plan = planOf(tmp.dir, instance(auth) + LVS, SECURE);
    expect(JSON.stringify(plan)).toContain(PASS); // the plan has it (the runtime needs it)
    const daemon = new Daemon(plan, { ...d, logger, ipvs: recordingDriver({ clock: d.clock }) });
    const control = join(tmp.dir, 'ctl.sock');
    const server = await startControl(control, () => daemon.status(process.pid), { logger });
    try {
      await daemon.start();
      await d.clock.advance(3700); // MASTER
      d.transport.deliver('eth0', peerAdvert(200, { pass: 'wrongpw1' })); // auth-failure, logged
      d.transport.deliver('eth0', peerAdvert(200, { pass: PASS.slice(0, 4) }));
      d.net.fail.add = 'RTNETLINK answers: Operation not permitted';
      d.transport.deliver('eth0', peerAdvert(200, { pass: PASS })); // BACKUP
      await d.clock.advance(5000); // MASTER again, the VIP failing
      d.transport.missing.add('eth0');
      d.links.set('eth0', false); // FAULT: priority 0 fails to send
      await d.clock.advance(10);
      d.transport.missing.delete('eth0');
      d.links.set('eth0', true);
      await d.clock.advance(4000);
      await daemon.reload(planOf(tmp.dir, instance(auth, 'VI_1', 51, 120) + LVS, SECURE));
      await d.clock.advance(2000);
      const status = daemon.status(process.pid);
      const overSocket = await request(control, 'status');
      await daemon.stop();
      const everything = [...text, ...json, JSON.stringify(status), statusText(status), JSON.stringify(overSocket)].join('\n');
      expect(text.length).toBeGreaterThan(20);
      expect(everything).toContain('auth-failure');
      expect(everything).not.toContain(PASS);
      expect(everything).not.toContain(SSL_PASS);
    } finally {
      await stopControl(server, control);
    }
  });

  it('a plan that does not validate because of its password: the message does not show it', () => {
    const plan = planOf(tmp.dir, instance(auth), SECURE) as unknown as { instances: Record<string, { auth: { password: string } }> };
    const secret = 'TooLongSecretPassword';
    plan.instances.VI_1!.auth.password = secret;
    const f = join(tmp.dir, 'bad.json');
    writeFileSync(f, JSON.stringify(plan));
    const r = loadPlanOrConf(f, { version: [2, 3, 2] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/password: must NOT have more than 8 characters/);
    expect(!r.ok && r.message).not.toContain(secret);
    const cli = kaconf(['run', f, '--dry-run']);
    expect(cli.status).toBe(2);
    expect(cli.stdout + cli.stderr).not.toContain(secret);
  });
});

describe('files that hold secrets are 0600', () => {
  it('the plan (compile -o) and the state file', () => {
    const conf = join(tmp.dir, 'k.conf');
    writeFileSync(conf, `global_defs {\n    router_id x\n}\n${instance(auth.replace('\n    notify_master /usr/bin/true', ''))}`);
    const out = join(tmp.dir, 'p.json');
    const r = kaconf(['compile', conf, '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(PASS);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(r.stdout + r.stderr).not.toContain(PASS);

    const state = join(tmp.dir, 'run', 'kaconf.state.json');
    fileStateStore(state).save([{ instance: 'VI_1', dev: 'eth0', address: '10.0.0.100', prefix: 24, family: 'ipv4' }]);
    expect(statSync(state).mode & 0o777).toBe(0o600);
    expect(statSync(join(tmp.dir, 'run')).mode & 0o777).toBe(0o700);
  });
});
