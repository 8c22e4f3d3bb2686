/**
 * The parser of keepalived.conf. Input: the token stream after preprocessing
 * (src/syntax/preprocess.ts), one Newline token at the end of every line.
 *
 *   document   := (Newline | Comment | statement | stray)*
 *   statement  := Conditional? (Inactive | Definition | Seq | Include | simple)?
 *   simple     := value+ (gap LBrace blockBody RBrace?)?      -- when the next significant
 *                 token is `{`, on this line or a later one
 *   gap        := (Newline | Comment)*
 *   blockBody  := (Newline | Comment | statement | anonymous)*  -- up to `}` or EOF
 *   stray      := RBrace | anonymous                            -- `}` with no block open,
 *   anonymous  := LBrace blockBody RBrace?                      -- `{` with no keyword
 *   value      := Word | Quoted | UnterminatedQuoted
 *
 * Every token sequence is a sentence of this grammar, so parsing never fails: what
 * keepalived would complain about (a stray `}`, a block never closed, a `{` without
 * keyword) is handed to the builder, which reports it (src/syntax/build-ast.ts).
 *
 * The parser runs the builder's actions as it recognises each part (Chevrotain's embedded
 * actions) instead of building a concrete syntax tree first: on a large file the CST costs
 * as much memory as the AST itself and is thrown away at once. The actions run in the order
 * the tokens come, which is the order a walk of the CST would visit them.
 */
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import {
  allTokens,
  Comment,
  Conditional,
  Definition,
  Inactive,
  Include,
  LBrace,
  Newline,
  Quoted,
  RBrace,
  Seq,
  UnterminatedQuoted,
  Word,
} from './lexer.js';

/**
 * What the parser hands over as it recognises the grammar, in token order. N: a node,
 * H: the head of a statement (its words), B: a block (its body and braces).
 */
export interface ParseActions<N, H, B> {
  /** a comment line or a comment after code; also a comment between a keyword and its `{` */
  comment(t: IToken): N;
  /** a `}` at the top level, closing no block */
  strayClose(t: IToken): void;
  /** a preprocessor line (Inactive, Definition, Seq, Include): one token */
  line(t: IToken): N;
  /** the words of a statement (the first `count` of `values`, an array reused after the call), before its block */
  words(values: readonly IToken[], count: number): H;
  /** `{` read: of the statement `owner`, or of no statement (anonymous) */
  open(lbrace: IToken, owner: H | undefined): void;
  /** a block read, its `}` absent when the block is never closed */
  close(lbrace: IToken, body: N[], rbrace: IToken | undefined, owner: H | undefined): B;
  /** a statement of words, with the comments between its words and its `{` (not to be kept), and its block */
  simple(head: H, gapComments: readonly N[], block: B | undefined): N;
  /** a statement read: its conditional prefix (if any) and what follows it (absent: nothing) */
  statement(conditional: IToken | undefined, node: N | undefined): N;
  /** the body of an anonymous block (its nodes join the body around it) */
  blockBody(block: B): N[];
}

// The parser's type parameters: the rules are written once, for any builder.
type Actions = ParseActions<unknown, unknown, unknown>;

// LABELs only name the parts in the grammar diagrams (docs/grammar.html)
const ITEM = { LABEL: 'item' };
const LINE = { LABEL: 'line' };
const VALUE = { LABEL: 'value' };
const GAP = { LABEL: 'gap' };
const GAP_COMMENT = { LABEL: 'gapComment' };

/** no comments between a statement's words and its `{` (shared: never changed) */
const NO_GAP: unknown[] = Object.freeze([]) as unknown as unknown[];

/*
 * The alternatives of each choice are built once, not on every call (Chevrotain's advice for
 * speed): they keep what they build on the parser (the body being read, the words of the
 * statement being read) rather than in variables of the rule.
 */
export class KeepalivedParser extends EmbeddedActionsParser {
  /** the builder the actions of the current parse go to */
  actions!: Actions;
  /** false while Chevrotain records the grammar (performSelfAnalysis): no actions then */
  private live = false;
  /** the bodies being read, innermost last */
  private readonly bodies: unknown[][] = [];
  /** the words of the statement being read: the first `valueCount` (one array for every statement) */
  private values: IToken[] = [];
  private valueCount = 0;
  /** the comments between the words of the statement being read and its `{` (NO_GAP: none yet) */
  private gap: unknown[] = NO_GAP;

  /**
   * `validate`: check the grammar while analysing it (the tests do, and the diagrams script);
   * kaconf itself skips it, the grammar being fixed: it costs every start-up.
   */
  constructor(options: { validate?: boolean } = {}) {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 2, skipValidations: !options.validate });
    this.performSelfAnalysis();
    this.live = true;
  }

  /** true when, skipping newlines and comments, the next token is `{` */
  private blockFollows(): boolean {
    for (let i = 1; ; i++) {
      const t = this.LA(i).tokenType;
      if (t === Newline || t === Comment) continue;
      return t === LBrace;
    }
  }

  /** forget what a parse left (after an error the stacks may not be empty) */
  clearState(): void {
    this.bodies.length = 0;
    this.heads.length = 0;
    this.values = [];
    this.valueCount = 0;
    this.gap = NO_GAP;
  }

  private body(): unknown[] {
    return this.bodies[this.bodies.length - 1]!;
  }

  private readonly newlineItem = { ALT: () => this.CONSUME(Newline, ITEM) };
  private readonly commentItem = {
    ALT: () => {
      const t = this.CONSUME(Comment, ITEM);
      if (this.live) this.body().push(this.actions.comment(t));
    },
  };
  private readonly statementItem = {
    ALT: () => {
      const n = this.SUBRULE(this.statement, ITEM);
      if (this.live) this.body().push(n);
    },
  };
  private readonly anonymousItem = {
    ALT: () => {
      const nodes = this.SUBRULE(this.anonymous, ITEM);
      if (this.live) {
        const out = this.body();
        for (const n of nodes) out.push(n);
      }
    },
  };
  private readonly documentItems = [
    this.newlineItem,
    this.commentItem,
    this.statementItem,
    {
      ALT: () => {
        const t = this.CONSUME(RBrace, ITEM);
        if (this.live) this.actions.strayClose(t);
      },
    },
    this.anonymousItem,
  ];
  private readonly documentItem = (): void => {
    this.OR(this.documentItems);
  };

  public document = this.RULE('document', (): unknown[] => this.items(this.documentItem));

  private readonly headOption = (): unknown => this.SUBRULE(this.head);
  private readonly statementAlts = [
    {
      ALT: (): unknown => {
        const cond = this.CONSUME(Conditional);
        const node = this.OPTION(this.headOption);
        return this.live ? this.actions.statement(cond, node) : undefined;
      },
    },
    {
      ALT: (): unknown => {
        const node = this.SUBRULE2(this.head);
        return this.live ? this.actions.statement(undefined, node) : undefined;
      },
    },
  ];

  public statement = this.RULE('statement', (): unknown => this.OR(this.statementAlts));

  private preprocessorLine(t: IToken): unknown {
    return this.live ? this.actions.line(t) : undefined;
  }

  private readonly headAlts = [
    { ALT: () => this.preprocessorLine(this.CONSUME(Inactive, LINE)) },
    { ALT: () => this.preprocessorLine(this.CONSUME(Definition, LINE)) },
    { ALT: () => this.preprocessorLine(this.CONSUME(Seq, LINE)) },
    { ALT: () => this.preprocessorLine(this.CONSUME(Include, LINE)) },
    { ALT: () => this.SUBRULE(this.simple) },
  ];

  public head = this.RULE('head', (): unknown => this.OR(this.headAlts));

  private readonly valueAlts = [
    { ALT: () => this.CONSUME(Word, VALUE) },
    { ALT: () => this.CONSUME(Quoted, VALUE) },
    { ALT: () => this.CONSUME(UnterminatedQuoted, VALUE) },
  ];
  private readonly value = (): void => {
    this.values[this.valueCount++] = this.OR(this.valueAlts);
  };
  private readonly gapAlts = [
    { ALT: () => this.CONSUME(Newline, GAP) },
    {
      ALT: () => {
        const t = this.CONSUME(Comment, GAP_COMMENT);
        if (this.live) {
          if (this.gap === NO_GAP) this.gap = [];
          this.gap.push(this.actions.comment(t));
        }
      },
    },
  ];
  private readonly gapItem = (): void => {
    this.OR2(this.gapAlts);
  };
  /** the heads of the statements whose block is being read, innermost last */
  private readonly heads: unknown[] = [];
  /** a block after the words of a statement: its gap comments and the block */
  private readonly blockOption = {
    GATE: () => this.blockFollows(),
    DEF: (): [unknown[], unknown] => {
      this.gap = NO_GAP;
      this.MANY(this.gapItem);
      const gap = this.gap;
      return [gap, this.SUBRULE(this.block, { ARGS: [this.heads[this.heads.length - 1]] })];
    },
  };

  public simple = this.RULE('simple', (): unknown => {
    // one array for the words of every statement (the builder reads them at once, in words()):
    // not emptied, which would give its room back
    this.valueCount = 0;
    this.AT_LEAST_ONE(this.value);
    // the words are read before anything of the block (the builder reports in token order)
    const head = this.live ? this.actions.words(this.values, this.valueCount) : undefined;
    this.heads.push(head);
    const withBlock = this.OPTION(this.blockOption);
    this.heads.pop();
    return this.live ? this.actions.simple(head, withBlock ? withBlock[0] : NO_GAP, withBlock?.[1]) : undefined;
  });

  private readonly closeOption = (): IToken => this.CONSUME(RBrace);

  public block = this.RULE('block', (owner?: unknown): unknown => {
    const lbrace = this.CONSUME(LBrace);
    if (this.live) this.actions.open(lbrace, owner);
    const body = this.SUBRULE(this.blockBody);
    const rbrace = this.OPTION(this.closeOption);
    return this.live ? this.actions.close(lbrace, body, rbrace, owner) : undefined;
  });

  private static readonly ANONYMOUS: { ARGS: [owner?: unknown] } = { ARGS: [undefined] };

  public anonymous = this.RULE('anonymous', (): unknown[] => {
    const block = this.SUBRULE(this.block, KeepalivedParser.ANONYMOUS);
    return this.live ? this.actions.blockBody(block) : [];
  });

  private readonly blockBodyItems = [this.newlineItem, this.commentItem, this.statementItem, this.anonymousItem];
  private readonly blockBodyItem = (): void => {
    this.OR(this.blockBodyItems);
  };

  public blockBody = this.RULE('blockBody', (): unknown[] => this.items(this.blockBodyItem));

  /** The items of a body (the document's or a block's), collected where the actions can add to them. */
  private items(item: () => void): unknown[] {
    const out: unknown[] = [];
    this.bodies.push(out);
    this.MANY(item);
    this.bodies.pop();
    return out;
  }
}

let instance: KeepalivedParser | undefined;

/**
 * Parse a preprocessed token stream, handing what is recognised to `actions`; returns the
 * nodes of the document (the parser is built once, on first use).
 */
export function parseTokens<N, H, B>(tokens: IToken[], actions: ParseActions<N, H, B>): N[] {
  instance ??= new KeepalivedParser();
  instance.actions = actions as Actions;
  instance.input = tokens;
  try {
    const nodes = instance.document() as N[];
    if (instance.errors.length > 0) {
      // The grammar accepts every token sequence; an error here is a bug in kaconf.
      throw new Error(`internal: parser error ${instance.errors[0]!.message}`);
    }
    return nodes;
  } finally {
    // let the tokens and the builder go
    instance.input = [];
    instance.actions = undefined as unknown as Actions;
    instance.clearState();
  }
}
