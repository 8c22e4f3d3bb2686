/**
 * A lint rule: one module with `meta` (id, default severity, docs) and a check function,
 * as ESLint's rules. Rules read the typed Document and report at the source location of
 * the value they are about.
 */
import type { Fix, Loc, Severity } from '../diagnostics.js';
import type { RuleContext } from './context.js';

export interface RuleMeta {
  /** `family/name`, e.g. `vrrp-strict/no-auth`; stable: configs and inline comments name it */
  id: string;
  severity: Severity;
  /** one line: what the rule finds */
  description: string;
  /** markdown: why it matters, what keepalived does, an example and how to fix it */
  docs: string;
  /** the rule can offer a safe fix (`kaconf lint --fix`) */
  fixable?: boolean;
  /** what `keepalived -t` does about it, when it says anything */
  keepalived?: string;
}

export interface Rule {
  meta: RuleMeta;
  /** absent for rules whose findings come from the parser or the model (docs only) */
  check?: (ctx: RuleContext) => void;
}

/** What a rule reports: where (a Document pointer or a location), what, and how to fix it. */
export interface Report {
  message: string;
  /** a JSON pointer into the Document; the location is looked up */
  pointer?: string;
  /** which part of the statement at `pointer` to underline (default: the value, else the keyword) */
  at?: 'keyword' | 'value' | 'statement';
  loc?: Loc;
  hint?: string;
  fix?: Fix;
  /** override the rule's severity for this finding (e.g. version-dependent outcomes) */
  severity?: Severity;
  /**
   * For checks keepalived makes when a block ends (it then names the `}` line): the finding
   * runs from where it is reported to the end of the block the pointer is in — or, given a
   * pointer, to the end of that block (an enclosing one: `group` reported, the sync group's `}`).
   */
  toBlockEnd?: boolean | string;
}
