import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kaconf } from '../helpers/cli.js';

const SEED3 = 'fixtures/seed/03-tuned-globals.conf';

describe('kaconf lint', () => {
  it('clean file: exit 0, no output', () => {
    const r = kaconf(['lint', 'fixtures/seed/04-minimal.conf']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('stylish: file:line:col, severity, message, rule id, code frame with the span underlined, hint', () => {
    const r = kaconf(['lint', SEED3]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${SEED3}:9:4  error  unknown keyword \`vrrp_mcast_grop4\` in global_defs; did you mean \`vrrp_mcast_group4\`?  unknown-keyword`);
    expect(r.stdout).toMatch(/> +9 \|    vrrp_mcast_grop4 224\.0\.0\.18/);
    expect(r.stdout).toMatch(/\| +\^{16}\n/); // the 16 characters of the keyword
    expect(r.stdout).toContain('hint: replace it with `vrrp_mcast_group4`');
    expect(r.stdout).not.toMatch(/\x1b\[/); // NO_COLOR is set by the helper
  });

  it('--color forces colour', () => {
    const r = kaconf(['lint', SEED3, '--color']);
    expect(r.stdout).toMatch(/\x1b\[/);
  });

  it('json: the documented shape', () => {
    const r = kaconf(['lint', SEED3, '--format', 'json', '--keepalived-version', '2.2.7']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['files', 'summary']);
    expect(out.files).toHaveLength(1);
    expect(out.files[0].file).toBe(SEED3);
    const d = out.files[0].diagnostics.find((x: { rule: string }) => x.rule === 'unknown-keyword');
    expect(d).toEqual({
      rule: 'unknown-keyword',
      severity: 'error',
      message: 'unknown keyword `vrrp_mcast_grop4` in global_defs; did you mean `vrrp_mcast_group4`?',
      line: 9,
      column: 4,
      endLine: 9,
      endColumn: 20,
      hint: 'replace it with `vrrp_mcast_group4`',
    });
    expect(out.summary.errors).toBe(out.files[0].diagnostics.filter((x: { severity: string }) => x.severity === 'error').length);
  });

  it('sarif: SARIF 2.1.0 with rule metadata and regions', () => {
    const r = kaconf(['lint', SEED3, '--format', 'sarif']);
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('kaconf');
    const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ids).toContain('unknown-keyword');
    for (const res of run.results) {
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(['error', 'warning', 'note']).toContain(res.level);
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).toBe(SEED3);
      expect(loc.region.startLine).toBeGreaterThan(0);
      expect(loc.region.endColumn).toBeGreaterThan(loc.region.startColumn);
    }
    const unknown = run.results.find((x: { ruleId: string }) => x.ruleId === 'unknown-keyword');
    expect(unknown.locations[0].physicalLocation.region).toMatchObject({ startLine: 9, startColumn: 4 });
  });

  it('github: workflow annotations', () => {
    const r = kaconf(['lint', SEED3, '--format', 'github']);
    expect(r.status).toBe(1);
    const line = r.stdout.split('\n').find((l) => l.includes('unknown-keyword'))!;
    expect(line).toMatch(/^::error file=fixtures\/seed\/03-tuned-globals\.conf,line=9,col=4,endLine=9,endColumn=20,title=kaconf unknown-keyword::unknown keyword/);
  });

  it('warnings alone pass, unless --max-warnings is exceeded', () => {
    const plain = kaconf(['lint', 'fixtures/lint/warnings-only.conf', '--format', 'json']);
    const out = JSON.parse(plain.stdout);
    expect(out.summary.errors).toBe(0);
    expect(out.summary.warnings).toBeGreaterThanOrEqual(2);
    expect(plain.status).toBe(0);
    expect(kaconf(['lint', 'fixtures/lint/warnings-only.conf', '--max-warnings', '10']).status).toBe(0);
    const over = kaconf(['lint', 'fixtures/lint/warnings-only.conf', '--max-warnings', '1']);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('--max-warnings 1');
  });

  it('inline comments switch rules off for a line', () => {
    const out = JSON.parse(kaconf(['lint', 'fixtures/lint/inline-disable.conf', '--format', 'json']).stdout);
    const got = out.files[0].diagnostics.map((d: { rule: string; line: number }) => `${d.rule}@${d.line}`);
    expect(got).toEqual(['invalid-value@5']);
  });

  it('several files: one entry each, the worst exit code', () => {
    const r = kaconf(['lint', 'fixtures/seed/04-minimal.conf', SEED3, '--format', 'json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file)).toEqual(['fixtures/seed/04-minimal.conf', SEED3]);
  });

  it('a missing file: exit 2, one line', () => {
    const r = kaconf(['lint', 'nope.conf']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('kaconf: cannot read nope.conf: no such file');
  });

  it('an unsupported --keepalived-version: exit 2', () => {
    const r = kaconf(['lint', SEED3, '--keepalived-version', '1.3.5']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('2.2.x and 2.3.x');
  });
});

describe('project config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaconf-cfg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sets severities (off, by family) and the keepalived version, found from the working directory', () => {
    writeFileSync(join(dir, 'kaconf.config.json'), JSON.stringify({ keepalivedVersion: '2.2.7', rules: { 'unknown-keyword': 'off', 'invalid-value': 'warning' } }));
    const conf = join(dir, 'k.conf');
    writeFileSync(conf, 'global_defs {\n  vrrp_mcast_grop4 224.0.0.18\n  vrrp_garp_interval 0\n  json_version 2\n}\n');
    const r = kaconf(['lint', conf, '--format', 'json'], { cwd: dir });
    const diags = JSON.parse(r.stdout).files[0].diagnostics;
    // json_version needs 2.2.8: with 2.2.7 from the config file it is unknown, but unknown-keyword is off
    expect(diags.map((d: { rule: string; severity: string }) => `${d.rule}:${d.severity}`)).toEqual(['invalid-value:warning']);
    expect(r.status).toBe(0);
  });

  it('a bad config file: exit 2 with the file named', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    const r = kaconf(['lint', 'fixtures/seed/04-minimal.conf', '--config', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toContain('no-such-rule');
  });
});

describe('kaconf lint --fix', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaconf-fix-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('fixes a typo with one close match and a renamed keyword, keeps the rest, reports what is left', () => {
    const f = join(dir, 'k.conf');
    writeFileSync(f, 'global_defs {\n   vrrp_mcast_grop4 224.0.0.18  # keep me\n   lvs_flush_onstop\n   vrrp_garp_interval 0\n}\n');
    const r = kaconf(['lint', '--fix', f, '--format', 'json']);
    expect(readFileSync(f, 'utf8')).toBe('global_defs {\n   vrrp_mcast_group4 224.0.0.18  # keep me\n   lvs_flush_on_stop\n   vrrp_garp_interval 0\n}\n');
    expect(r.stderr).toContain('fixed 2 findings');
    expect(JSON.parse(r.stdout).files[0].diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['invalid-value']);
    expect(r.status).toBe(1);
  });
  it('leaves a file without safe fixes untouched', () => {
    const f = join(dir, 'n.conf');
    const text = 'global_defs {\n   frobnicate_everything yes\n}\n';
    writeFileSync(f, text);
    kaconf(['lint', '--fix', f]);
    expect(readFileSync(f, 'utf8')).toBe(text);
  });
});

describe('kaconf explain', () => {
  it('prints a rule', () => {
    const r = kaconf(['explain', 'unknown-keyword']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('unknown-keyword  (error, fixable)');
    expect(r.stdout).toContain('vrrp_mcast_grop4');
  });
  it('lists every rule without an argument', () => {
    const r = kaconf(['explain']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^syntax\/unclosed-block +error/m);
  });
  it('an unknown rule: exit 2 with a suggestion', () => {
    const r = kaconf(['explain', 'unknown-keywrd']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('did you mean unknown-keyword');
  });
});
