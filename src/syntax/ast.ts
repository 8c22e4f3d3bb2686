/** The generic AST of keepalived.conf (see schemas/ast.schema.json). Knows no keyword meanings. */
import type { Loc } from '../diagnostics.js';

export interface Condition {
  /** the name after `@` or `@^` */
  name: string;
  /** `@^NAME`: the line is used when NAME is NOT the host */
  negate: boolean;
  /** whether the line is used for the host the file was read for */
  selected: boolean;
  loc: Loc;
}

/** Where a node came from when the preprocessor made it (parameter substitution, ~SEQ, include). */
export interface Origin {
  kind: 'parameter' | 'seq';
  /** the parameter or sequence variable that produced the text */
  name: string;
  /** where the parameter was defined */
  definedAt?: Loc;
}

export type PreprocessorKind = 'define' | 'seq' | 'include';

interface NodeBase {
  loc: Loc;
  condition?: Condition;
  origin?: Origin;
}

export interface DirectiveNode extends NodeBase {
  type: 'directive';
  keyword: string;
  args: string[];
  keywordLoc: Loc;
  argLocs: Loc[];
  /** indexes of args written in double quotes */
  quoted?: number[];
  /** set on preprocessor lines ($NAME=…, ~SEQ…, include …): they are not keepalived keywords */
  preprocessor?: PreprocessorKind;
  /** include lines: the files read for it, in order */
  files?: string[];
  /** a conditional line that is not selected: kept for the record, ignored by everything else */
  inactive?: boolean;
}

export interface BlockNode extends NodeBase {
  type: 'block';
  keyword: string;
  args: string[];
  keywordLoc: Loc;
  argLocs: Loc[];
  quoted?: number[];
  body: Node[];
  /** location of the opening and closing brace (close absent when the block is never closed) */
  openLoc: Loc;
  closeLoc?: Loc;
}

export interface CommentNode {
  type: 'comment';
  /** the comment as written, marker included (`! text`, `# text`) */
  text: string;
  /** true when the comment follows code on the same line */
  inline?: boolean;
  loc: Loc;
}

export type Node = DirectiveNode | BlockNode | CommentNode;
export type StatementNode = DirectiveNode | BlockNode;

export function isStatement(n: Node): n is StatementNode {
  return n.type !== 'comment';
}

/** Statements that keepalived acts on: not comments, not preprocessor lines, not switched-off lines. */
export function isEffective(n: Node): n is StatementNode {
  return n.type !== 'comment' && !(n.type === 'directive' && (n.preprocessor || n.inactive));
}
