/**
 * Canonical values for the formatter: every statement whose keyword the vocabulary knows in
 * its block, and whose value reads without a problem, is written back from its Document value
 * (numbers without padding, positional words first, flags without a redundant `true`). The
 * converter writes Documents the same way, which is what makes conf → JSON/YAML → conf equal
 * to `kaconf fmt`. Anything else — unknown keywords, values with problems or with `$NAME`
 * parameters — is kept exactly as written.
 */
import { isDeepStrictEqual } from 'node:util';
import { ModelBuilder } from '../model/build.js';
import { codecFields, type Word } from '../model/codecs.js';
import { DEFAULT_VERSION, parseVersion } from '../model/versions.js';
import { vocabulary, type BlockSpec, type KeywordSpec } from '../model/vocabulary.js';
import { WordWriter } from '../model/words.js';
import type { BlockNode, DirectiveNode, Node, StatementNode } from '../syntax/ast.js';
import { needsQuotes } from './print.js';

const vocab = (): ReturnType<typeof vocabulary> => vocabulary(codecFields);

/** Reading single values does not depend on the release (keywords are looked up without it). */
const VERSION = parseVersion(DEFAULT_VERSION)!;

function wordsFrom(texts: string[], node: StatementNode): Word[] {
  return texts.map((text) => ({ text, loc: node.loc }));
}

/** Replace a statement's args by `words`, keeping the quotes it had on the same words. */
function withArgs<T extends StatementNode>(node: T, words: string[], firstIsKeyword = false): T {
  const quotedTexts = new Set((node.quoted ?? []).map((i) => node.args[i]));
  const args = firstIsKeyword ? words.slice(1) : words;
  const quoted = args.flatMap((w, i) => (quotedTexts.has(w) || needsQuotes(w) ? [i] : []));
  const out = { ...node, args, argLocs: args.map((_, i) => node.argLocs[i] ?? node.loc) } as T;
  if (firstIsKeyword) out.keyword = words[0]!;
  if (quoted.length > 0) out.quoted = quoted;
  else delete out.quoted;
  return out;
}

function hasParameter(node: StatementNode): boolean {
  return node.keyword.includes('$') || node.args.some((a) => a.includes('$'));
}

export class Canonicalizer {
  private readonly reader = new ModelBuilder(vocab(), VERSION);
  private readonly writer = new WordWriter(vocab());

  nodes(nodes: Node[], spec: BlockSpec | undefined): Node[] {
    return nodes.map((n) => this.node(n, spec));
  }

  private node(n: Node, spec: BlockSpec | undefined): Node {
    if (n.type === 'comment' || (n.type === 'directive' && (n.preprocessor || n.inactive)) || n.keyword === '') return n;
    const ks = spec?.keyword(n.keyword);
    if (!ks) return n.type === 'block' ? { ...n, body: this.nodes(n.body, undefined) } : n;
    if (n.type === 'directive') return ks.kind === 'flag' || ks.kind === 'value' ? this.value(n, ks) : n;
    switch (ks.kind) {
      case 'block':
        return { ...n, body: this.nodes(n.body, ks.body) };
      case 'named-block':
        return { ...n, body: ks.namedList ? this.listLines(n.body, ks.namedList) : this.nodes(n.body, ks.body) };
      case 'keyed-block':
        return { ...this.key(n, ks), body: this.nodes(n.body, ks.body) };
      case 'list-block':
        return { ...n, body: this.listLines(n.body, ks) };
      default:
        return n;
    }
  }

  private value(n: DirectiveNode, ks: KeywordSpec): DirectiveNode {
    if (hasParameter(n)) return n;
    const { value, ok } = this.reader.readStatementValue(n, ks);
    if (!ok) return n;
    const words = this.writer.valueWords(value, ks);
    if (!words) return n;
    const again = this.reader.readStatementValue({ ...n, args: words, argLocs: words.map(() => n.loc) }, ks);
    if (!again.ok || !isDeepStrictEqual(again.value, value)) return n;
    return withArgs(n, words);
  }

  private listLines(body: Node[], ks: KeywordSpec): Node[] {
    if (ks.itemMode === 'word') return body.flatMap((n) => this.oneWordALine(n));
    return body.map((n) => {
      if (n.type !== 'directive' || n.preprocessor || n.inactive || hasParameter(n)) return n;
      const words = wordsFrom([n.keyword, ...n.args], n);
      const { value, ok } = this.reader.readListLine(words, ks);
      if (!ok) return n;
      const out = this.writer.itemWords(value, ks.item ?? {});
      if (!out || out.length === 0) return n;
      const again = this.reader.readListLine(wordsFrom(out, n), ks);
      if (!again.ok || !isDeepStrictEqual(again.value, value)) return n;
      return withArgs(n, out, true);
    });
  }

  /**
   * A line of a word list (`group { VI_1 VI_2 }`) as one word a line; a trailing comment stays
   * with the last. Lines with quoted words or a condition stay as written.
   */
  private oneWordALine(n: Node): Node[] {
    if (n.type !== 'directive' || n.preprocessor || n.inactive || n.args.length === 0 || n.quoted?.length || n.condition) return [n];
    return [n.keyword, ...n.args].map((w): DirectiveNode => ({ ...n, keyword: w, args: [], argLocs: [] }));
  }

  private key(n: BlockNode, ks: KeywordSpec): BlockNode {
    if (hasParameter(n)) return n;
    const { value, ok } = this.reader.readBlockKey(n, ks);
    if (!ok) return n;
    const words = this.writer.keyWords(value, ks);
    if (!words) return n;
    const again = this.reader.readBlockKey({ ...n, args: words, argLocs: words.map(() => n.loc) }, ks);
    if (!again.ok || !isDeepStrictEqual(again.value, value)) return n;
    return withArgs(n, words);
  }
}

/** The AST with canonical values (see the module comment). */
export function canonicalize(nodes: Node[]): Node[] {
  return new Canonicalizer().nodes(nodes, vocab().root);
}
