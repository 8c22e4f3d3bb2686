import { describe, expect, it } from 'vitest';
import { kaconf } from '../helpers/cli.js';

describe('kaconf parse', () => {
  it('prints the AST and no diagnostics for a clean file, exit 0', () => {
    const r = kaconf(['parse', 'fixtures/seed/04-minimal.conf']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.diagnostics).toEqual([]);
    expect(out.ast.filter((n: { type: string }) => n.type === 'block').map((n: { keyword: string }) => n.keyword)).toEqual([
      'global_defs',
      'vrrp_instance',
    ]);
    expect(r.stderr).toBe('');
  });
  it('exit 1 with located diagnostics for broken input', () => {
    const r = kaconf(['parse', 'fixtures/parse/broken/several-errors.conf']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.diagnostics.map((d: { rule: string; line: number }) => `${d.rule}:${d.line}`)).toEqual([
      'syntax/unterminated-quote:2',
      'syntax/unexpected-close:4',
      'syntax/unclosed-block:5',
      'syntax/block-without-keyword:6',
    ]);
  });
  it('binary garbage: exit 1, JSON output, no stack trace', () => {
    const r = kaconf(['parse', 'fixtures/parse/broken/binary-garbage.conf']);
    expect(r.status).toBe(1);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stderr).toBe('');
  });
  it('--host selects conditional lines', () => {
    const off = JSON.parse(kaconf(['parse', 'fixtures/parse/constructs.conf']).stdout);
    const on = JSON.parse(kaconf(['parse', 'fixtures/parse/constructs.conf', '--host', 'lb1']).stdout);
    const cond = (o: { ast: Array<{ keyword: string; body?: Array<{ condition?: { selected: boolean } }> }> }) =>
      o.ast.find((n) => n.keyword === 'global_defs')!.body!.filter((n) => n.condition).map((n) => n.condition!.selected);
    expect(cond(off)).toEqual([false, true]);
    expect(cond(on)).toEqual([true, false]);
  });
  it('reads stdin with -', () => {
    const r = kaconf(['parse', '-'], { input: 'global_defs {\n router_id x\n}\n' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).ast[0].keyword).toBe('global_defs');
  });
  it('a missing file: exit 2, one line naming the path', () => {
    const r = kaconf(['parse', 'no/such/file.conf']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no/such/file.conf');
  });
});

describe('kaconf usage', () => {
  it('--version prints the version', () => {
    const r = kaconf(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
  it('--help lists the commands', () => {
    const r = kaconf(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('kaconf parse <file>');
  });
  it('an unknown command: a clear message and exit 2', () => {
    const r = kaconf(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command.*frobnicate/i);
  });
  it('an unknown flag: a clear message and exit 2', () => {
    const r = kaconf(['parse', 'fixtures/seed/04-minimal.conf', '--frob']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown argument.*frob/i);
  });
  it('no command: exit 2', () => {
    expect(kaconf([]).status).toBe(2);
  });
});
