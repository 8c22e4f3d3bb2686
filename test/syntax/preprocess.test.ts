/** keepalived's preprocessing (lib/parser.c read_line), case by case. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isEffective, parseFile, parseText, type Node } from '../../src/syntax/index.js';

/** Effective statements as `keyword args` lines, nested blocks indented: what keepalived reads. */
function lines(nodes: Node[], indent = ''): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    if (!isEffective(n)) continue;
    out.push(`${indent}${[n.keyword, ...n.args].join(' ')}`);
    if (n.type === 'block') out.push(...lines(n.body, indent + '  '));
  }
  return out;
}

function read(text: string, host?: string) {
  return parseText(text, 'test.conf', host === undefined ? {} : { host });
}

describe('comments and words', () => {
  it('cuts comments at ! or # outside quotes, even inside a word; \\# and \\! are literal', () => {
    const r = read('a b#c d\ne "x # y" z ! w\nf g\\#h \\!i\n');
    expect(lines(r.ast)).toEqual(['a b', 'e x # y z', 'f g#h !i']);
  });
  it('splits a line at every brace outside quotes', () => {
    const r = read('a { b c } d\ne "{x}" {\n}\n');
    expect(lines(r.ast)).toEqual(['a', '  b c', 'd', 'e {x}']);
  });
  it('takes `{` on a later line, after blank and comment lines, as the block of the keyword before', () => {
    const r = read('vrrp_instance X\n\n! a comment\n{\n state MASTER\n}\n');
    expect(lines(r.ast)).toEqual(['vrrp_instance X', '  state MASTER']);
  });
});

describe('conditional lines', () => {
  const text = '@lb1 priority 150\n@^lb1 priority 100\n@lb2 state MASTER\n';
  it('without a host: @NAME lines are off, @^NAME lines are on', () => {
    expect(lines(read(text).ast)).toEqual(['priority 100']);
  });
  it('for host lb1', () => {
    expect(lines(read(text, 'lb1').ast)).toEqual(['priority 150']);
  });
  it('for host lb2', () => {
    expect(lines(read(text, 'lb2').ast)).toEqual(['priority 100', 'state MASTER']);
  });
  it('records the condition of every conditional line, selected or not', () => {
    const conds = read(text, 'lb1').ast.map((n) => (n.type === 'comment' ? undefined : n.condition));
    expect(conds.map((c) => [c?.name, c?.negate, c?.selected])).toEqual([
      ['lb1', false, true],
      ['lb1', true, false],
      ['lb2', false, false],
    ]);
  });
});

describe('parameters', () => {
  it('substitutes $NAME followed by a blank, comma, parenthesis or the end, and ${NAME} anywhere', () => {
    const r = read('$A=eth0\n$B=10\nx $A\ny $A,$A)\nz VI_${B}_x\n');
    expect(lines(r.ast)).toEqual(['x eth0', 'y eth0,eth0)', 'z VI_10_x']);
  });
  it('leaves $NAME followed by another character as it is, and says why', () => {
    const r = read('$DIR=/etc\ninclude_me $DIR/x.conf\n');
    expect(lines(r.ast)).toEqual(['include_me $DIR/x.conf']);
    expect(r.diagnostics.map((d) => [d.rule, d.loc.line, d.loc.column])).toEqual([['syntax/unknown-parameter', 2, 12]]);
    expect(r.diagnostics[0]!.hint).toContain('${DIR}');
  });
  it('reports an undefined parameter at its place and keeps the text', () => {
    const r = read('global_defs {\n  router_id $HOSTNAME\n}\n');
    expect(lines(r.ast)).toEqual(['global_defs', '  router_id $HOSTNAME']);
    expect(r.diagnostics.map((d) => [d.rule, d.severity, d.loc.line, d.loc.column, d.loc.endColumn])).toEqual([
      ['syntax/unknown-parameter', 'warning', 2, 13, 22],
    ]);
  });
  it('a value may hold several words and other parameters', () => {
    const r = read('$IF=eth1\n$VIP=10.0.0.1/24 dev $IF\nvirtual_ipaddress {\n  $VIP\n}\n');
    expect(lines(r.ast)).toEqual(['virtual_ipaddress', '  10.0.0.1/24 dev eth1']);
    const vip = (r.ast[2] as { body: Node[] }).body[0]!;
    expect(vip.loc.line).toBe(4);
    expect(vip.type !== 'comment' && vip.origin?.name).toBe('VIP');
  });
  it('a definition can be redefined; later lines see the new value', () => {
    expect(lines(read('$A=1\nx $A\n$A=2\ny $A\n').ast)).toEqual(['x 1', 'y 2']);
  });
  it('a multi-line definition used at the end of a line adds its lines after it', () => {
    const text = '$BODY=state BACKUP \\\n   priority 90 \\\n   advert_int 1\nvrrp_instance VI_1 {\n  $BODY\n}\n';
    expect(lines(read(text).ast)).toEqual(['vrrp_instance VI_1', '  state BACKUP', '  priority 90', '  advert_int 1']);
  });
  it('a multi-line definition can hold whole blocks', () => {
    const text = '$INST=vrrp_instance VI_${N} { \\\n  virtual_router_id ${N} \\\n}\n$N=7\n$INST\n';
    expect(lines(read(text).ast)).toEqual(['vrrp_instance VI_7', '  virtual_router_id 7']);
  });
  it('a blank line ends a multi-line definition', () => {
    const text = '$A=x \\\n\ny\n';
    expect(lines(read(text).ast)).toEqual(['y']);
  });
  it('built-in definitions: $_HASH and $_BANG give # and ! inside quotes (outside, they start a comment)', () => {
    expect(lines(read('x "a${_BANG}b${_HASH}c"\n').ast)).toEqual(['x a!b#c']);
    expect(lines(read('x a${_BANG}b\n').ast)).toEqual(['x a']);
  });
  it('a definition that refers to itself is reported, not expanded forever', () => {
    const r = read('$A=$A\nx $A\n');
    expect(r.diagnostics.map((d) => [d.rule, d.loc.line])).toEqual([['syntax/parameter-recursion', 2]]);
  });
  it('a substitution that makes a conditional line is read as one', () => {
    const r = read('$C=@lb1\n$C priority 150\n');
    expect(lines(r.ast)).toEqual([]);
    expect(lines(read('$C=@lb1\n$C priority 150\n', 'lb1').ast)).toEqual(['priority 150']);
  });
});

describe('~SEQ and ~LST', () => {
  it('~SEQ(var, end), (var, start, end) and (var, start, step, end)', () => {
    expect(lines(read('~SEQ(i, 3) a $i\n').ast)).toEqual(['a 1', 'a 2', 'a 3']);
    expect(lines(read('~SEQ(i, 5, 3) a $i\n').ast)).toEqual(['a 5', 'a 4', 'a 3']);
    expect(lines(read('~SEQ(i, 0, 5, 12) a $i\n').ast)).toEqual(['a 0', 'a 5', 'a 10']);
  });
  it('~SEQx counts in hex', () => {
    expect(lines(read('~SEQx(i, 9, 11) fe80::$i\n').ast)).toEqual(['fe80::9', 'fe80::a', 'fe80::b']);
  });
  it('bounds may be parameters', () => {
    expect(lines(read('$N=2\n~SEQ(i, 1, $N) a $i\n').ast)).toEqual(['a 1', 'a 2']);
  });
  it('repeats a multi-line definition, block and all', () => {
    const text = '$I=vrrp_instance VI_$i { \\\n  virtual_router_id $i \\\n}\n~SEQ(i, 1, 2) $I\n';
    expect(lines(read(text).ast)).toEqual(['vrrp_instance VI_1', '  virtual_router_id 1', 'vrrp_instance VI_2', '  virtual_router_id 2']);
  });
  it('~LST with one variable, and with groups of variables', () => {
    expect(lines(read('~LST(v, a, b) x $v\n').ast)).toEqual(['x a', 'x b']);
    expect(lines(read('~LST({n, p}, {a, 1}, {b, 2}) $n $p\n').ast)).toEqual(['a 1', 'b 2']);
  });
  it('a ~SEQ whose step never reaches its end is reported', () => {
    const r = read('~SEQ(i, 1, -1, 5) a $i\n');
    expect(r.diagnostics.map((d) => [d.rule, d.loc.line])).toEqual([['syntax/invalid-seq', 1]]);
  });
});

describe('include', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaconf-include-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'conf.d'));
  mkdirSync(join(dir, 'conf.d/sub'));
  writeFileSync(join(dir, 'main.conf'), 'a 1\ninclude conf.d/*.conf\nz 26\n');
  writeFileSync(join(dir, 'conf.d/20-b.conf'), 'b 2\n');
  writeFileSync(join(dir, 'conf.d/10-a.conf'), 'include sub/x.conf\nc 3\n');
  writeFileSync(join(dir, 'conf.d/sub/x.conf'), 'x 24');
  writeFileSync(join(dir, 'conf.d/other.txt'), 'not included\n');

  it('reads globbed files in name order, nested includes relative to the including file', () => {
    const r = parseFile(join(dir, 'main.conf'));
    if ('ioError' in r) throw new Error(r.ioError);
    expect(lines(r.ast)).toEqual(['a 1', 'x 24', 'c 3', 'b 2', 'z 26']);
    expect(r.diagnostics).toEqual([]);
    const inc = r.ast[1]!;
    expect(inc.type === 'directive' && inc.files?.map((f) => f.replace(dir, ''))).toEqual(['/conf.d/10-a.conf', '/conf.d/20-b.conf']);
    const x = r.ast.find((n) => n.type === 'directive' && n.keyword === 'x')!;
    expect(x.loc.file).toBe(join(dir, 'conf.d/sub/x.conf'));
    expect(x.loc.line).toBe(1);
  });
  it('an include in raw mode is kept as a line and not read', () => {
    const r = parseFile(join(dir, 'main.conf'), { mode: 'raw' });
    if ('ioError' in r) throw new Error(r.ioError);
    expect(r.ast.map((n) => (n.type === 'comment' ? '' : n.keyword))).toEqual(['a', 'include', 'z']);
  });
  it('a glob that matches nothing in an existing directory is only noted', () => {
    const r = parseText('include *.nothing\n', join(dir, 'x.conf'));
    expect(r.diagnostics.map((d) => [d.rule, d.severity])).toEqual([['syntax/include-empty', 'info']]);
  });
  it('a brace pattern is read as a glob, not as a block', () => {
    const r = parseText('include conf.d/{10-a,20-b}.conf\n', join(dir, 'x.conf'));
    expect(lines(r.ast)).toEqual(['x 24', 'c 3', 'b 2']);
  });
});
