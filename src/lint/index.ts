/**
 * src/lint: a keepalived.conf → findings. Parse (src/syntax), build and validate the typed
 * Document (src/model), run every rule, then apply the project's severities and the
 * inline `kaconf-disable` comments.
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { buildModel } from '../model/build.js';
import { validateDocument } from '../model/validate.js';
import type { Version } from '../model/versions.js';
import { parseFile, parseText, type ParseResult } from '../syntax/index.js';
import type { SourceFile } from '../syntax/source.js';
import type { RuleSetting } from './config.js';
import { RuleContext } from './context.js';
import { applyInlineControl } from './inline.js';
import { ALL_RULES } from './rules/index.js';

export interface LintOptions {
  version: Version;
  host?: string;
  /** rule id (or family prefix) → severity or off */
  rules?: Record<string, RuleSetting>;
}

export interface LintResult {
  file: string;
  diagnostics: Diagnostic[];
  /** the files read (the main one first), for code frames */
  sources: SourceFile[];
}

function settingFor(id: string, rules: Record<string, RuleSetting> | undefined): RuleSetting | undefined {
  if (!rules) return undefined;
  if (rules[id] !== undefined) return rules[id];
  // the longest family prefix that is set: `vrrp-strict` or `vrrp-strict/`
  let best: RuleSetting | undefined;
  let bestLen = -1;
  for (const [k, v] of Object.entries(rules)) {
    const prefix = k.endsWith('/') ? k : `${k}/`;
    if (id.startsWith(prefix) && prefix.length > bestLen) {
      best = v;
      bestLen = prefix.length;
    }
  }
  return best;
}

export function lintParsed(parsed: ParseResult, options: LintOptions): LintResult {
  const model = buildModel(parsed.ast, options.version);
  const fallback = { file: parsed.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const found: Diagnostic[] = [...parsed.diagnostics, ...model.diagnostics, ...validateDocument(model.document, model.locs, options.version, fallback)];
  const ctx = new RuleContext(parsed.file, model, parsed.ast, options.version, parsed.sources, options.host);
  for (const rule of ALL_RULES) {
    if (!rule.check || settingFor(rule.meta.id, options.rules) === 'off') continue;
    ctx.rule = rule;
    try {
      rule.check(ctx);
    } catch (e) {
      // a rule that fails must not hide the other findings
      found.push({
        rule: rule.meta.id,
        severity: 'warning',
        message: `kaconf's rule ${rule.meta.id} failed on this file (${(e as Error).message}); please report it`,
        loc: fallback,
      });
    }
  }
  found.push(...ctx.diagnostics);
  // a rule that knows what keepalived does with a repeated keyword says it better than the generic warning
  const specific = new Set(found.filter((d) => d.rule !== 'duplicate-keyword' && /duplicate|twice|after-master/.test(d.rule)).map((d) => `${d.loc.file}:${d.loc.line}`));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const d of applyInlineControl(parsed.ast, found)) {
    if (d.rule === 'duplicate-keyword' && specific.has(`${d.loc.file}:${d.loc.line}`)) continue;
    const setting = settingFor(d.rule, options.rules);
    if (setting === 'off') continue;
    const final = setting ? { ...d, severity: setting } : d;
    const key = `${d.rule}|${d.loc.file}|${d.loc.line}|${d.loc.column}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(final);
  }
  return { file: parsed.file, diagnostics: out.sort(compareDiagnostics), sources: parsed.sources };
}

export function lintText(text: string, file: string, options: LintOptions): LintResult {
  return lintParsed(parseText(text, file, options.host !== undefined ? { host: options.host } : {}), options);
}

export function lintFile(path: string, options: LintOptions): LintResult | { file: string; ioError: string } {
  const parsed = parseFile(path, options.host !== undefined ? { host: options.host } : {});
  if ('ioError' in parsed) return parsed;
  return lintParsed(parsed, options);
}
