/**
 * The lossless Document as YAML (comments, blank lines and quotes kept, through the `yaml`
 * package's Document API) and back. Where the comments of keepalived.conf go:
 * - own-line comments and blank lines before a statement: above its key (or list item);
 * - a comment after a value on its line: after the value;
 * - a comment on a block's `{` line: after the block's key (`vrrp_instance: # ...`);
 * - comments before a block's `}`: at the end of the block; a comment on the `}` line is
 *   the last of them, written `#} text`.
 * `!` comments keep their `!` (`#! text`). Values that were in double quotes are
 * double-quoted in YAML; other strings YAML must quote get single quotes.
 */
import YAML, { isMap, isScalar, isSeq, LineCounter, Pair, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';
import type { Document } from './build.js';
import { pointerJoin } from './build.js';
import type { LosslessDocument, TriviaEntry, TriviaMap } from './lossless.js';

/** conf comment (marker included) → YAML comment text, and back. */
function toYamlComment(text: string): string {
  if (text.startsWith('#') && !/^#[#!]/.test(text)) return text.slice(1);
  return text;
}

function fromYamlComment(text: string): string {
  return /^[!#]/.test(text) ? text : `#${text}`;
}

function linesToComment(lines: string[]): string {
  return lines.map((l) => (l === '' ? '' : toYamlComment(l))).join('\n');
}

function commentToLines(c: string): string[] {
  return c.replace(/\n$/, '').split('\n').map((l) => (l === '' ? '' : fromYamlComment(l)));
}

type Collection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;

/** The YAML node for a pointer: the key of a map entry, or the item of a list, and the value. */
function locate(root: YamlNode | null, pointer: string): { key?: Scalar; value: YamlNode | null; parent?: Collection } | undefined {
  if (pointer === '') return { value: root };
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = root;
  let result: { key?: Scalar; value: YamlNode | null; parent?: Collection } | undefined;
  for (const part of parts) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === part);
      if (!pair) return undefined;
      result = { key: pair.key as Scalar, value: pair.value as YamlNode | null, parent: node };
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(part)];
      if (item === undefined) return undefined;
      result = { value: item as YamlNode, parent: node };
      node = item;
    } else return undefined;
  }
  return result;
}

function lastScalar(node: unknown): Scalar | undefined {
  if (isScalar(node)) return node;
  if (isMap(node)) {
    const last = node.items[node.items.length - 1];
    return last ? lastScalar(last.value) : undefined;
  }
  if (isSeq(node)) return lastScalar(node.items[node.items.length - 1]);
  return undefined;
}

export function toYaml(doc: LosslessDocument): string {
  const y = new YAML.Document(doc.document);
  // a list block's entries are one line each in keepalived.conf: one line each in YAML too
  for (const pointer of doc.lines ?? []) {
    const at = locate(y.contents as YamlNode, pointer);
    if (at && isSeq(at.value)) for (const item of at.value.items) if (isMap(item)) item.flow = true;
  }
  for (const [pointer, t] of doc.trivia) {
    const at = locate(y.contents as YamlNode, pointer);
    if (!at) continue;
    const head = (at.key ?? at.value) as YamlNode | null;
    if (head && (t.before || t.blank)) {
      if (t.before) head.commentBefore = linesToComment(t.before);
      if (t.blank) head.spaceBefore = true;
    }
    const collection = isMap(at.value) || isSeq(at.value) ? (at.value as Collection) : undefined;
    const emptyCollection = collection !== undefined && collection.items.length === 0;
    if (t.inline) {
      if (emptyCollection) {
        (collection as YAMLMap<unknown, unknown>).flow = true;
        collection!.comment = toYamlComment(t.inline);
      }
      else if (collection && at.key && !isSeq(at.parent)) at.key.comment = toYamlComment(t.inline);
      else if (isScalar(at.value)) at.value.comment = toYamlComment(t.inline);
      else if (collection && isSeq(at.parent)) {
        if (isMap(collection) && collection.flow) collection.comment = toYamlComment(t.inline);
        else if (isMap(collection) && collection.items.length > 0) {
          // the `{` line of a block in a list: a `#{` comment above the block's first entry
          const k = collection.items[0]!.key as Scalar;
          const open = `{ ${t.inline}`;
          k.commentBefore = k.commentBefore ? `${open}\n${k.commentBefore}` : open;
        }
      }
    }
    if (t.quoted && isScalar(at.value) && typeof at.value.value === 'string') at.value.type = Scalar.QUOTE_DOUBLE;
    // the comment of the `}` line is the last end comment, `#} text` in YAML
    const tail = linesToComment(t.end ?? []) + (t.close ? `${t.end?.length ? '\n' : ''}} ${t.close}` : '');
    if (tail !== '') {
      if (pointer === '') y.comment = tail;
      else if (collection) collection.comment = tail;
    }
  }
  return y.toString({ singleQuote: true, lineWidth: 0 });
}

export interface YamlProblem {
  message: string;
  line: number;
  column: number;
}

export interface FromYaml {
  doc?: LosslessDocument;
  problems: YamlProblem[];
  /** JSON pointer → 1-based line of the YAML (for messages about the input) */
  lines: Map<string, number>;
}

interface Anchor {
  line: number;
  indent: number;
  pointer: string;
  /** the node of the value (for inline comments and quotes) */
  value: unknown;
  item: boolean;
}

interface Block {
  pointer: string;
  childIndent: number;
  firstLine: number;
  lastLine: number;
}

/** A comment at the end of a YAML line (a `#` after a blank, outside quotes), or undefined. */
function trailingComment(line: string): string | undefined {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && i > 0 && /\s/.test(line[i - 1]!)) return line.slice(i + 1);
  }
  return undefined;
}

/**
 * Read a YAML Document back, with its comments, blank lines and quotes as trivia. Own-line
 * comments are placed by their indentation, as a reader sees them: above the entry at the
 * same indentation that follows, or else at the end of the block whose entries they line up with.
 */
export function fromYaml(text: string): FromYaml {
  const lineCounter = new LineCounter();
  const y = YAML.parseDocument(text, { lineCounter, keepSourceTokens: false });
  const lines = new Map<string, number>();
  const problems: YamlProblem[] = y.errors.map((e) => {
    const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
    return { message: e.message.split('\n')[0]!, line: pos.line, column: pos.col };
  });
  if (problems.length > 0) return { problems, lines };
  const root = y.contents;
  const posOf = (offset: number): { line: number; col: number } => lineCounter.linePos(offset);
  if (root && !isMap(root)) return { problems: [{ message: 'the YAML must be a mapping of keepalived keywords', line: (root as YamlNode).range ? posOf((root as YamlNode).range![0]).line : 1, column: 1 }], lines };

  const src = text.split('\n');
  const indentOf = (l: string): number => l.length - l.trimStart().length;
  const trivia: TriviaMap = new Map();
  const entry = (p: string): TriviaEntry => {
    let e = trivia.get(p);
    if (!e) trivia.set(p, (e = {}));
    return e;
  };
  const anchors: Anchor[] = [];
  const blocks: Block[] = [{ pointer: '', childIndent: 0, firstLine: 1, lastLine: src.length }];
  const lastLineOf = (n: unknown): number => {
    const r = (n as YamlNode | null)?.range;
    return r ? posOf(Math.max(r[0], r[1] - 1)).line : 0;
  };

  const visit = (node: unknown, pointer: string): void => {
    if (isMap(node)) {
      if (!node.flow && node.items.length > 0) {
        const k0 = node.items[0]!.key as YamlNode;
        blocks.push({ pointer, childIndent: posOf(k0.range![0]).col - 1, firstLine: posOf(k0.range![0]).line, lastLine: lastLineOf(node) });
      }
      for (const pair of node.items as Pair<unknown, unknown>[]) {
        const key = pair.key as Scalar;
        const p = pointerJoin(pointer, String(key.value));
        const pos = posOf(key.range![0]);
        lines.set(p, pos.line);
        anchors.push({ line: pos.line, indent: pos.col - 1, pointer: p, value: pair.value, item: false });
        if (isScalar(pair.value) && pair.value.type === Scalar.QUOTE_DOUBLE && typeof pair.value.value === 'string') entry(p).quoted = true;
        if (!node.flow) visit(pair.value, p);
      }
    } else if (isSeq(node)) {
      if (node.items.length > 0) {
        const first = node.items[0] as YamlNode;
        const pos = posOf(first.range![0]);
        const line = src[pos.line - 1] ?? '';
        const dash = line.lastIndexOf('-', pos.col - 1);
        blocks.push({ pointer, childIndent: dash >= 0 ? dash : indentOf(line), firstLine: pos.line, lastLine: lastLineOf(node) });
      }
      node.items.forEach((item, i) => {
        const n = item as YamlNode;
        const p = pointerJoin(pointer, i);
        const pos = posOf(n.range![0]);
        const line = src[pos.line - 1] ?? '';
        const dash = line.lastIndexOf('-', pos.col - 1);
        lines.set(p, pos.line);
        anchors.push({ line: pos.line, indent: dash >= 0 ? dash : pos.col - 1, pointer: p, value: n, item: true });
        if (isScalar(n) && n.type === Scalar.QUOTE_DOUBLE && typeof n.value === 'string') entry(p).quoted = true;
        if (isMap(n) && n.flow) {
          for (const pair of n.items as Pair<unknown, unknown>[]) {
            const v = pair.value;
            if (isScalar(v) && v.type === Scalar.QUOTE_DOUBLE && typeof v.value === 'string') entry(pointerJoin(p, String((pair.key as Scalar).value))).quoted = true;
          }
        } else visit(n, p);
      });
    }
  };
  visit(root, '');
  anchors.sort((a, b) => a.line - b.line || b.indent - a.indent);

  // trailing comments: the deepest thing that starts on the line owns it
  const byLine = new Map<number, Anchor[]>();
  for (const a of anchors) byLine.set(a.line, [...(byLine.get(a.line) ?? []), a]);
  for (const [line, list] of byLine) {
    const c = trailingComment(src[line - 1] ?? '');
    if (c === undefined) continue;
    const owner = list.find((a) => !a.item) ?? list[0]!;
    // on a list item's line that holds a key, a comment belongs to the item when the item is one flow line
    const flowItem = list.find((a) => a.item && isMap(a.value) && (a.value as YAMLMap).flow);
    entry((flowItem ?? owner).pointer).inline = fromYamlComment(c);
  }

  // own-line comments and blank lines, placed by indentation
  let pending: Array<{ text: string; indent: number; blank: boolean }> = [];
  const flush = (next: Anchor | undefined, atLine: number): void => {
    // from the end: lines that line up with the next entry (and blanks among them) are its `before`
    let split = pending.length;
    if (next) {
      while (split > 0 && (pending[split - 1]!.blank || pending[split - 1]!.indent === next.indent)) split--;
      // blank lines right after the previous statement belong to what follows them
    }
    const endPart = pending.slice(0, split);
    const beforePart = pending.slice(split);
    // end comments: each to the innermost block that has ended and whose entries line up with it
    let blankBefore = false;
    for (const c of endPart) {
      if (c.blank) {
        blankBefore = true;
        continue;
      }
      const owner =
        blocks
          .filter((b) => b.lastLine < atLine && b.childIndent === c.indent && b.firstLine < atLine)
          .sort((a, b) => b.lastLine - a.lastLine || b.childIndent - a.childIndent)[0] ?? blocks[0]!;
      const e = entry(owner.pointer);
      e.end = [...(e.end ?? []), ...(blankBefore && (e.end?.length ?? 0) >= 0 ? [''] : []), c.text];
      blankBefore = false;
    }
    if (next) {
      const lead = beforePart;
      const list: string[] = [];
      let blank = false;
      for (const c of lead) {
        if (c.blank) {
          if (list.length === 0) blank = true;
          else if (list[list.length - 1] !== '') list.push('');
        } else list.push(c.text);
      }
      const e = entry(next.pointer);
      if (blank) e.blank = true;
      if (list.length > 0) e.before = [...list, ...(e.before ?? [])];
    }
    pending = [];
  };
  let anchorIdx = 0;
  for (let i = 0; i < src.length; i++) {
    const raw = src[i]!;
    const t = raw.trim();
    if (t === '' || t.startsWith('#')) {
      pending.push({ text: t === '' ? '' : fromYamlComment(t.slice(1)), indent: indentOf(raw), blank: t === '' });
      continue;
    }
    while (anchorIdx < anchors.length && anchors[anchorIdx]!.line < i + 1) anchorIdx++;
    const next = anchors[anchorIdx] && anchors[anchorIdx]!.line === i + 1 ? anchors.filter((a) => a.line === i + 1).sort((a, b) => a.indent - b.indent)[0] : undefined;
    if (pending.length > 0) flush(next, i + 1);
  }
  // trailing blank lines of the file do not count
  while (pending.length > 0 && pending[pending.length - 1]!.blank) pending.pop();
  if (pending.length > 0) flush(undefined, src.length + 1);

  // blank lines between end comments, `#}` close comments, `#{` open comments of list items
  for (const [p, e] of trivia) {
    if (e.end) {
      const last = e.end[e.end.length - 1];
      if (last !== undefined && /^#}/.test(last)) {
        e.end.pop();
        e.close = fromYamlComment(last.replace(/^#}\s?/, ''));
        if (e.end.length === 0) delete e.end;
      }
    }
    if (e.before && /^#\{/.test(e.before[0] ?? '')) {
      const parent = p.slice(0, p.lastIndexOf('/'));
      entry(parent).inline = fromYamlComment(e.before.shift()!.replace(/^#\{\s?/, ''));
      if (e.before.length === 0) delete e.before;
    }
  }
  const document = (y.toJS() ?? {}) as Document;
  return { doc: { document, trivia }, problems, lines };
}
