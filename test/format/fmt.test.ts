import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatText } from '../../src/format/index.js';
import { parseText, type Node } from '../../src/syntax/index.js';
import { buildModel } from '../../src/model/build.js';
import { parseVersion } from '../../src/model/versions.js';
import { kaconf } from '../helpers/cli.js';
import { corpusConfigs, FIXTURES, seedConfigs } from '../helpers/paths.js';

/** Comments and preprocessor lines, in order: what fmt must keep exactly. */
function keptLines(nodes: Node[]): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    if (n.type === 'comment') out.push(n.text.trimEnd());
    else if (n.type === 'directive' && n.preprocessor) out.push(`${n.keyword} ${n.args.join(' ')}`);
    else if (n.type === 'block') out.push(...keptLines(n.body));
  }
  return out;
}

describe('fmt golden files (seed configs)', () => {
  for (const file of seedConfigs()) {
    it(basename(file), () => {
      const out = formatText(readFileSync(file, 'utf8'), file).output;
      expect(out).toBe(readFileSync(join(FIXTURES, 'format', basename(file, '.conf') + '.fmt.conf'), 'utf8'));
    });
  }
});

describe('fmt over the corpus: idempotent and safe', () => {
  for (const file of corpusConfigs()) {
    it(file.replace(/^.*\/(fixtures\/|samples\/)/, ''), () => {
      const text = readFileSync(file, 'utf8');
      const once = formatText(text, file).output;
      if (once === undefined) return; // broken fixtures are refused (tested below)
      expect(formatText(once, file).output).toBe(once);
      // the comments, the preprocessor lines and what keepalived reads stay the same
      const kept = (t: string): string[] => keptLines(parseText(t, file, { mode: 'raw' }).ast);
      expect(kept(once)).toEqual(kept(text));
      for (const v of ['2.2.7', '2.3.2']) {
        const version = parseVersion(v)!;
        expect(buildModel(parseText(once, file).ast, version).document).toEqual(buildModel(parseText(text, file).ast, version).document);
      }
    });
  }
});

describe('fmt layout', () => {
  const fmt = (t: string, indent = 4): string | undefined => formatText(t, 'x.conf', indent).output;
  it('one statement a line, braces canonical, single spaces, --indent', () => {
    expect(fmt('a   b\t c\nblk  x {  k v\n  sub { w }  }\n', 2)).toBe('a b c\nblk x {\n  k v\n  sub {\n    w\n  }\n}\n');
  });
  it('keeps comments where they were, with their marker', () => {
    expect(fmt('! top\nblk { # on brace\n  # own line\n  k v   ! trailing\n} # after\n')).toBe('! top\nblk { # on brace\n    # own line\n    k v ! trailing\n} # after\n');
  });
  it('keeps blank lines, at most one, none after { or before }', () => {
    expect(fmt('a 1\n\n\n\nb 2\nblk {\n\n  c 3\n\n\n  d 4\n\n}\n\n\n')).toBe('a 1\n\nb 2\nblk {\n    c 3\n\n    d 4\n}\n');
  });
  it('keeps quotes, escapes comment characters in bare words, keeps preprocessor lines and conditions as written', () => {
    const text = '$X=a b # c\n@lb1 priority 1\n@^lb1   priority    2\ninclude  /etc/k/*.conf\n~SEQ(i,1,2) a $i\nscript "/bin/x" y\\#z\n';
    expect(fmt(text)).toBe('$X=a b # c\n@lb1 priority 1\n@^lb1 priority 2\ninclude /etc/k/*.conf\n~SEQ(i,1,2) a $i\nscript "/bin/x" y\\#z\n');
  });
  it('refuses a file with syntax errors', () => {
    const r = formatText('a {\n b\n', 'x.conf');
    expect(r.output).toBeUndefined();
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['syntax/unclosed-block']);
  });
});

describe('kaconf fmt', () => {
  // made when the tests run (a filtered run that skips them all runs no hooks: nothing to leave behind)
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kaconf-fmt-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const messy = 'global_defs {\nrouter_id   x\n}\n';
  const clean = 'global_defs {\n    router_id x\n}\n';

  it('prints the formatted text', () => {
    const f = join(dir, 'p.conf');
    writeFileSync(f, messy);
    const r = kaconf(['fmt', f]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(clean);
    expect(readFileSync(f, 'utf8')).toBe(messy);
  });
  it('reads stdin with -', () => {
    const r = kaconf(['fmt', '-'], { input: messy });
    expect(r.stdout).toBe(clean);
  });
  it('--check lists files that would change and exits 1; 0 when all are formatted', () => {
    const a = join(dir, 'a.conf');
    const b = join(dir, 'b.conf');
    writeFileSync(a, messy);
    writeFileSync(b, clean);
    const r = kaconf(['fmt', '--check', a, b]);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([a]);
    expect(kaconf(['fmt', '--check', b]).status).toBe(0);
  });
  it('--write rewrites in place, keeps the mode, leaves no temporary file', () => {
    const f = join(dir, 'w.conf');
    writeFileSync(f, messy);
    chmodSync(f, 0o640);
    const r = kaconf(['fmt', '--write', f]);
    expect(r.status).toBe(0);
    expect(readFileSync(f, 'utf8')).toBe(clean);
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((x) => x.includes('kaconf-'))).toEqual([]);
  });
  it('--write never touches a file with syntax errors: exit 1 with the diagnostics', () => {
    const f = join(dir, 'broken.conf');
    const text = 'global_defs {\n  router_id "x\n';
    writeFileSync(f, text);
    const before = statSync(f).mtimeMs;
    const r = kaconf(['fmt', '--write', f]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('syntax/unterminated-quote');
    expect(r.stderr).toContain('syntax/unclosed-block');
    expect(readFileSync(f, 'utf8')).toBe(text);
    expect(statSync(f).mtimeMs).toBe(before);
  });
  it('--check and --write together: usage error', () => {
    expect(kaconf(['fmt', '--check', '--write', 'x.conf']).status).toBe(2);
  });
});
