/**
 * The CST parser of keepalived.conf. Input: the token stream after preprocessing
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
 * keyword) is visible in the CST and reported by src/syntax as diagnostics.
 *
 * The alternatives of a body share one label, `item`, so that the CST keeps them in the
 * order they were written (Chevrotain groups children by label).
 */
import { CstParser, type CstNode, type IToken } from 'chevrotain';
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

export class KeepalivedParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 2 });
    this.performSelfAnalysis();
  }

  /** true when, skipping newlines and comments, the next token is `{` */
  private blockFollows(): boolean {
    for (let i = 1; ; i++) {
      const t = this.LA(i).tokenType;
      if (t === Newline || t === Comment) continue;
      return t === LBrace;
    }
  }

  public document = this.RULE('document', () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Newline, { LABEL: 'item' }) },
        { ALT: () => this.CONSUME(Comment, { LABEL: 'item' }) },
        { ALT: () => this.SUBRULE(this.statement, { LABEL: 'item' }) },
        { ALT: () => this.CONSUME(RBrace, { LABEL: 'item' }) },
        { ALT: () => this.SUBRULE(this.anonymous, { LABEL: 'item' }) },
      ]);
    });
  });

  public statement = this.RULE('statement', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Conditional);
          this.OPTION(() => this.SUBRULE(this.head));
        },
      },
      { ALT: () => this.SUBRULE2(this.head) },
    ]);
  });

  public head = this.RULE('head', () => {
    this.OR([
      { ALT: () => this.CONSUME(Inactive, { LABEL: 'line' }) },
      { ALT: () => this.CONSUME(Definition, { LABEL: 'line' }) },
      { ALT: () => this.CONSUME(Seq, { LABEL: 'line' }) },
      { ALT: () => this.CONSUME(Include, { LABEL: 'line' }) },
      { ALT: () => this.SUBRULE(this.simple) },
    ]);
  });

  public simple = this.RULE('simple', () => {
    this.AT_LEAST_ONE(() => {
      this.OR([
        { ALT: () => this.CONSUME(Word, { LABEL: 'value' }) },
        { ALT: () => this.CONSUME(Quoted, { LABEL: 'value' }) },
        { ALT: () => this.CONSUME(UnterminatedQuoted, { LABEL: 'value' }) },
      ]);
    });
    this.OPTION({
      GATE: () => this.blockFollows(),
      DEF: () => {
        this.MANY(() => {
          this.OR2([
            { ALT: () => this.CONSUME(Newline, { LABEL: 'gap' }) },
            { ALT: () => this.CONSUME(Comment, { LABEL: 'gapComment' }) },
          ]);
        });
        this.SUBRULE(this.block);
      },
    });
  });

  public block = this.RULE('block', () => {
    this.CONSUME(LBrace);
    this.SUBRULE(this.blockBody);
    this.OPTION(() => this.CONSUME(RBrace));
  });

  public anonymous = this.RULE('anonymous', () => {
    this.SUBRULE(this.block);
  });

  public blockBody = this.RULE('blockBody', () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Newline, { LABEL: 'item' }) },
        { ALT: () => this.CONSUME(Comment, { LABEL: 'item' }) },
        { ALT: () => this.SUBRULE(this.statement, { LABEL: 'item' }) },
        { ALT: () => this.SUBRULE(this.anonymous, { LABEL: 'item' }) },
      ]);
    });
  });
}

let instance: KeepalivedParser | undefined;

/** Parse a preprocessed token stream into a CST (the parser is built once, on first use). */
export function parseTokens(tokens: IToken[]): CstNode {
  instance ??= new KeepalivedParser();
  instance.input = tokens;
  const cst = instance.document();
  if (instance.errors.length > 0) {
    // The grammar accepts every token sequence; an error here is a bug in kaconf.
    throw new Error(`internal: parser error ${instance.errors[0]!.message}`);
  }
  return cst;
}
