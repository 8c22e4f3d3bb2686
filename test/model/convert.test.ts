import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatText } from '../../src/format/index.js';
import { convert } from '../../src/model/convert.js';
import { fromYaml, toYaml } from '../../src/model/yaml.js';
import { kaconf } from '../helpers/cli.js';
import { corpusConfigs, FIXTURES, seedConfigs } from '../helpers/paths.js';

/** What JSON cannot carry: comments, blank lines, quotes a value does not need. */
function withoutPresentation(conf: string): string {
  return conf
    .split('\n')
    .filter((l) => !/^\s*[!#]/.test(l) && l.trim() !== '')
    .map((l) => l.replace(/ [!#](?=[^"]*$).*$/, '').replace(/"([^"\s{}!#]*)"/g, '$1'))
    .join('\n');
}

describe('convert golden files (seed configs)', () => {
  for (const file of seedConfigs()) {
    for (const to of ['json', 'yaml'] as const) {
      it(`${basename(file)} → ${to}`, () => {
        const r = convert(readFileSync(file, 'utf8'), file, 'conf', to);
        expect(r.problems).toEqual([]);
        expect(r.output).toBe(readFileSync(join(FIXTURES, 'convert', basename(file, '.conf') + '.' + to), 'utf8'));
      });
    }
  }
});

describe('round trips over the corpus: conf → yaml → conf and conf → json → conf give fmt(conf)', () => {
  for (const file of corpusConfigs()) {
    it(file.replace(/^.*\/(fixtures\/|samples\/)/, ''), () => {
      const text = readFileSync(file, 'utf8');
      const fmt = formatText(text, file).output;
      if (fmt === undefined) return; // syntax errors: refused by fmt and convert alike
      for (const to of ['yaml', 'json'] as const) {
        const there = convert(text, file, 'conf', to);
        if (there.output === undefined) {
          // the only refusal: a keyword written twice where keepalived keeps one value
          expect(there.problems.map((p) => p.message).join('\n')).toMatch(/written twice/);
          continue;
        }
        const back = convert(there.output, `x.${to}`, to, 'conf', { force: true });
        expect(back.output, JSON.stringify(back.problems)).toBeDefined();
        if (to === 'yaml') expect(back.output).toBe(fmt);
        else expect(withoutPresentation(back.output!)).toBe(withoutPresentation(fmt));
      }
    });
  }
});

describe('JSON/YAML → conf validates first', () => {
  it('errors name the JSON pointer and the YAML line; nothing is written', () => {
    const yaml = 'global_defs:\n  router_id: lb1\nvrrp_instance:\n  VI_1:\n    interface: eth0\n    virtual_router_id: 300\n    priority: 100\n    virtual_ipaddress:\n      - { address: 10.0.0.1 }\n';
    const r = convert(yaml, 'x.yaml', 'yaml', 'conf');
    expect(r.output).toBeUndefined();
    const p = r.problems.find((x) => x.pointer === '/vrrp_instance/VI_1/virtual_router_id');
    expect(p).toMatchObject({ severity: 'error', line: 6 });
    expect(p!.message).toContain('300');
  });
  it('JSON: pointer and line', () => {
    const json = JSON.stringify({ vrrp_instance: { VI_1: { interface: 'eth0', virtual_router_id: 1, state: 'MAYBE', virtual_ipaddress: [{ address: '10.0.0.1' }] } } }, null, 2);
    const r = convert(json, 'x.json', 'json', 'conf');
    expect(r.output).toBeUndefined();
    const p = r.problems.find((x) => x.pointer === '/vrrp_instance/VI_1/state')!;
    expect(p.line).toBe(json.split('\n').findIndex((l) => l.includes('"state"')) + 1);
    expect(p.message).toMatch(/MAYBE.*MASTER|MASTER.*MAYBE/);
  });
  it('unknown keys are kept and reported as warnings', () => {
    const r = convert('{"global_defs": {"router_id": "a", "frobnicate": "yes please"}}', 'x.json', 'json', 'conf');
    expect(r.output).toBe('global_defs {\n    router_id a\n    frobnicate yes please\n}\n');
    expect(r.problems.map((p) => [p.severity, p.pointer])).toEqual([['warning', '/global_defs/frobnicate']]);
  });
  it('bad JSON and bad YAML: the line of the mistake', () => {
    expect(convert('{\n "a": 1,\n}', 'x.json', 'json', 'conf').problems[0]).toMatchObject({ severity: 'error' });
    const y = convert('global_defs:\n  router_id: x\n  smtp_server: [1, 2\n', 'x.yaml', 'yaml', 'conf');
    expect(y.output).toBeUndefined();
    expect(y.problems[0]!.line).toBeGreaterThanOrEqual(3);
  });
  it('a value written as a string where keepalived reads words: quotes only where needed', () => {
    const r = convert('{"vrrp_script": {"chk": {"script": "/usr/bin/pgrep -x haproxy", "interval": 2}}}', 'x.json', 'json', 'conf');
    expect(r.output).toBe('vrrp_script chk {\n    script "/usr/bin/pgrep -x haproxy"\n    interval 2\n}\n');
  });
});

describe('what conf → Document keeps', () => {
  const conf = [
    '! top',
    '$IF=eth0',
    'include /etc/keepalived/conf.d/*.conf',
    'vrrp_instance VI_1 { # main',
    '    interface $IF',
    '@lb1 priority 150',
    '@^lb1 priority 100',
    '    virtual_router_id 51',
    '    virtual_ipaddress {',
    '        10.0.0.1/24 dev eth0 label eth0:1 # the VIP',
    '@lb1 10.0.0.2',
    '    }',
    '    unknown_thing 1 2',
    '} # end',
    '',
  ].join('\n');
  it('as JSON: preprocessor lines, conditions, parameters, unknown keywords', () => {
    const r = convert(conf, 'x.conf', 'conf', 'json');
    expect(r.problems).toEqual([]);
    expect(JSON.parse(r.output!)).toEqual({
      $IF: 'eth0',
      include: '/etc/keepalived/conf.d/*.conf',
      vrrp_instance: {
        VI_1: {
          interface: { $raw: '$IF' },
          '@lb1 priority': 150,
          '@^lb1 priority': 100,
          virtual_router_id: 51,
          virtual_ipaddress: [{ address: '10.0.0.1', prefix: 24, dev: 'eth0', label: 'eth0:1' }, { '@if': 'lb1', address: '10.0.0.2' }],
          unknown_thing: '1 2',
        },
      },
    });
  });
  it('as YAML: with its comments, and back exactly as fmt writes it', () => {
    const y = convert(conf, 'x.conf', 'conf', 'yaml').output!;
    expect(y).toContain('#! top');
    expect(y).toContain('VI_1: # main');
    expect(y).toContain('# the VIP');
    expect(y).toContain('#} # end');
    expect(convert(y, 'x.yaml', 'yaml', 'conf', { force: true }).output).toBe(formatText(conf, 'x.conf').output);
  });
});

// ---- generated Documents ----------------------------------------------------------------------

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,11}$/);
const ipv4 = fc.tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 })).map((p) => p.join('.'));
const iface = fc.constantFrom('eth0', 'eth1', 'bond0', 'ens3');
const vip = fc.record(
  { address: ipv4, prefix: fc.integer({ min: 1, max: 32 }), dev: iface, label: fc.constantFrom('eth0:1', 'eth0:vip') },
  { requiredKeys: ['address'] },
);
const instance = fc.record(
  {
    state: fc.constant('BACKUP'),
    interface: iface,
    virtual_router_id: fc.integer({ min: 1, max: 255 }),
    priority: fc.integer({ min: 1, max: 254 }),
    advert_int: fc.constantFrom(1, 2, 0.5, 3),
    nopreempt: fc.constant(true),
    authentication: fc.record({ auth_type: fc.constant('PASS'), auth_pass: fc.stringMatching(/^[A-Za-z0-9]{1,8}$/) }),
    virtual_ipaddress: fc.array(vip, { minLength: 1, maxLength: 4 }),
    unicast_peer: fc.array(fc.record({ address: ipv4 }), { minLength: 1, maxLength: 3 }),
    track_script: fc.array(fc.record({ name, weight: fc.integer({ min: -253, max: 253 }) }, { requiredKeys: ['name'] }), { minLength: 1, maxLength: 2 }),
  },
  { requiredKeys: ['interface', 'virtual_router_id', 'virtual_ipaddress'] },
);
const document = fc.record(
  {
    global_defs: fc.record(
      {
        router_id: name,
        vrrp_strict: fc.constant(true),
        notification_email: fc.array(fc.constantFrom('ops@example.com', 'noc@example.org'), { minLength: 1, maxLength: 2 }),
        smtp_connect_timeout: fc.integer({ min: 1, max: 600 }),
        vrrp_garp_interval: fc.constantFrom(0.001, 0.5, 1, 10),
      },
      { requiredKeys: ['router_id'] },
    ),
    vrrp_script: fc.dictionary(
      name,
      fc.record({ script: fc.constantFrom('/usr/bin/pgrep -x haproxy', '/bin/true'), interval: fc.integer({ min: 1, max: 60 }), weight: fc.integer({ min: -253, max: 253 }).map((value) => ({ value })) }),
      { minKeys: 1, maxKeys: 2 },
    ),
    vrrp_instance: fc.dictionary(name, instance, { minKeys: 1, maxKeys: 3 }),
    virtual_server: fc.array(
      fc.record({
        address: ipv4,
        port: fc.integer({ min: 1, max: 65535 }),
        delay_loop: fc.integer({ min: 1, max: 60 }),
        lb_algo: fc.constantFrom('rr', 'wrr', 'lc', 'wlc', 'sh'),
        lb_kind: fc.constantFrom({ method: 'NAT' }, { method: 'DR' }, { method: 'TUN' }),
        protocol: fc.constantFrom('TCP', 'UDP'),
        real_server: fc.array(
          fc.record({ address: ipv4, port: fc.integer({ min: 1, max: 65535 }), weight: fc.integer({ min: 0, max: 100 }), TCP_CHECK: fc.array(fc.record({ connect_timeout: fc.integer({ min: 1, max: 30 }) }), { minLength: 1, maxLength: 2 }) }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  },
  { requiredKeys: ['global_defs'] },
);

describe('generated Documents survive the round trips', () => {
  it('Document → conf → Document, and Document → YAML → Document', () => {
    fc.assert(
      fc.property(document, (doc) => {
        const json = JSON.stringify(doc);
        const conf = convert(json, 'g.json', 'json', 'conf');
        expect(conf.problems.filter((p) => p.severity === 'error')).toEqual([]);
        const again = convert(conf.output!, 'g.conf', 'conf', 'json');
        expect(again.problems).toEqual([]);
        expect(JSON.parse(again.output!)).toEqual(JSON.parse(json));
        const y = fromYaml(toYaml({ document: doc as Record<string, unknown>, trivia: new Map() }));
        expect(y.problems).toEqual([]);
        expect(y.doc!.document).toEqual(JSON.parse(json));
      }),
      { numRuns: 200 },
    );
  });
});

describe('kaconf convert', () => {
  // made when the tests run (a filtered run that skips them all runs no hooks: nothing to leave behind)
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kaconf-convert-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('conf → yaml on stdout, the format from the file name', () => {
    const r = kaconf(['convert', 'fixtures/seed/04-minimal.conf', '--to', 'yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(FIXTURES, 'convert/04-minimal.yaml'), 'utf8'));
  });
  it('-o writes atomically with mode 0600 (the Document keeps secrets such as auth_pass)', () => {
    const out = join(dir, 'out.json');
    const r = kaconf(['convert', 'fixtures/seed/04-minimal.conf', '--to', 'json', '-o', out]);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).vrrp_instance.VI_1.authentication.auth_pass).toBe('1111');
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });
  it('yaml → conf from stdin needs --from', () => {
    expect(kaconf(['convert', '-', '--to', 'conf'], { input: 'a: 1\n' }).status).toBe(2);
    const r = kaconf(['convert', '-', '--from', 'yaml', '--to', 'conf'], { input: 'global_defs:\n  router_id: x\n' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('global_defs {\n    router_id x\n}\n');
  });
  it('invalid input: exit 1 with located errors, --force writes anyway', () => {
    const f = join(dir, 'bad.yaml');
    writeFileSync(f, 'vrrp_instance:\n  VI_1:\n    priority: 900\n');
    const r = kaconf(['convert', f, '--to', 'conf']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad\.yaml:3: error: .*900/);
    const forced = kaconf(['convert', f, '--to', 'conf', '--force']);
    expect(forced.stdout).toContain('priority 900');
    expect(forced.status).toBe(1);
  });
  it('a conf with syntax errors is refused', () => {
    const r = kaconf(['convert', 'fixtures/parse/broken/unclosed-block.conf', '--to', 'json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('never closed');
  });
});
