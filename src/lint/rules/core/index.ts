/** Findings of the model and of schema validation (src/model): docs, and the duplicate checks. */
import { keywordOf } from '../../../model/validate.js';
import type { Rule } from '../../rule.js';

export const unknownKeyword: Rule = {
  meta: {
    id: 'unknown-keyword',
    severity: 'error',
    fixable: true,
    description: 'A keyword keepalived does not know in this block, or not in this release.',
    docs: 'keepalived rejects a keyword it does not know where it stands ("Unknown keyword"), and `keepalived -t` fails. kaconf also says when the keyword exists elsewhere (`priority` inside `global_defs` belongs in `vrrp_instance`), suggests the closest known keyword for a typo, and tells when the keyword exists only in another keepalived release than the one selected with `--keepalived-version`.\n\n```\nglobal_defs {\n    vrrp_mcast_grop4 224.0.0.18    ! did you mean vrrp_mcast_group4?\n}\n```',
    keepalived: "Unknown keyword 'X'",
  },
};

export const invalidValue: Rule = {
  meta: {
    id: 'invalid-value',
    severity: 'error',
    description: 'A value keepalived rejects: out of range, wrong type, not one of the allowed words, malformed address.',
    docs: 'Every keyword\'s value is checked against the range, type, word list and format keepalived enforces for the selected release (see `kaconf explain KEYWORD` style docs in schemas/). keepalived reports such values and ignores them (keeping the default), and `keepalived -t` fails.\n\n```\nglobal_defs {\n    vrrp_garp_interval 0     ! keepalived accepts 0.000001-4294.967295\n}\n```',
    keepalived: "number 'X' outside range [...] / 'X' is invalid",
  },
};

export const missingValue: Rule = {
  meta: {
    id: 'missing-value',
    severity: 'error',
    description: 'A keyword written without the value it needs.',
    docs: 'Most keywords need a value. For many of them keepalived stops reading the whole configuration at a keyword without its value ("missing a parameter") and exits.',
    keepalived: 'Configuration line starting `X` is missing a parameter',
  },
};

export const extraArguments: Rule = {
  meta: {
    id: 'extra-arguments',
    severity: 'warning',
    description: 'Words after a value that keepalived ignores.',
    docs: 'keepalived reads the words it expects and silently ignores the rest for many keywords. Extra words usually mean a value with spaces that should be quoted, a comment without its `#`/`!`, or a misunderstanding of the syntax. Where keepalived reports them, the finding is an error.',
  },
};

export const ignoredValue: Rule = {
  meta: {
    id: 'ignored-value',
    severity: 'warning',
    description: 'A word keepalived does not know for this keyword and silently skips.',
    docs: 'For a few keywords that take a list of words (such as `regex_options`), keepalived acts on the words it knows and silently skips any other, so a misspelt option has no effect and nothing says so. kaconf names the closest known word.\n\n```\nurl {\n    path /\n    regex ok\n    regex_options caseles     ! did you mean caseless?\n}\n```',
  },
};

export const blockExpected: Rule = {
  meta: {
    id: 'block-expected',
    severity: 'error',
    description: 'A keyword that takes a block is written without one.',
    docs: 'Keywords such as `virtual_ipaddress`, `authentication` or `vrrp_instance NAME` take a `{ ... }` block. Without it keepalived reads the following lines as that block\'s content or reports a missing `{`.',
    keepalived: "Missing '{' at beginning of configuration block",
  },
};

export const unexpectedBlock: Rule = {
  meta: {
    id: 'unexpected-block',
    severity: 'error',
    description: 'A block after a keyword that takes a value, not a block.',
    docs: 'A `{ ... }` after a keyword that takes a value is not read as that keyword\'s content; keepalived reports the `{` and reads the lines inside as if they stood in the enclosing block.',
  },
};

export const deprecatedKeyword: Rule = {
  meta: {
    id: 'deprecated-keyword',
    severity: 'warning',
    fixable: true,
    description: 'A keyword keepalived still reads but has replaced.',
    docs: 'Deprecated keywords keep working for now; some are reported by keepalived (and then `keepalived -t` fails). Use the replacement the message names.',
  },
};

export const duplicateKeyword: Rule = {
  meta: {
    id: 'duplicate-keyword',
    severity: 'warning',
    description: 'A keyword written twice in one block where keepalived keeps only one value.',
    docs: 'keepalived keeps one value for most keywords (usually the last one written); the other is silently lost. Remove the one you do not mean.\n\n```\nvrrp_instance VI_1 {\n    priority 100\n    priority 150     ! this one wins\n}\n```',
  },
  check(ctx) {
    for (const d of ctx.model.duplicates) {
      if (d.merged) continue;
      ctx.report({
        loc: d.again,
        message: `\`${d.keyword}\` is written again here (first on line ${d.first.line}); keepalived keeps only one of them`,
        hint: 'remove one of the two',
      });
    }
  },
};

export const duplicateName: Rule = {
  meta: {
    id: 'duplicate-name',
    severity: 'error',
    description: 'Two named blocks of the same kind share a name (two `vrrp_instance VI_1`, two `vrrp_script chk`).',
    docs: 'Names identify instances, scripts, sync groups and groups; references (`track_script`, `group`) resolve by name. A second block with the same name is rejected or shadows the first, depending on the kind.',
    keepalived: 'e.g. "vrrp instance VI_1 already defined"',
  },
  check(ctx) {
    for (const d of ctx.model.duplicateNames) {
      ctx.report({
        loc: d.again,
        message: `\`${keywordOf(d.pointer)}\` is already defined on line ${d.first.line}`,
        hint: 'give each block its own name',
      });
    }
  },
};

export const coreRules: Rule[] = [
  unknownKeyword,
  invalidValue,
  missingValue,
  extraArguments,
  ignoredValue,
  blockExpected,
  unexpectedBlock,
  deprecatedKeyword,
  duplicateKeyword,
  duplicateName,
];
