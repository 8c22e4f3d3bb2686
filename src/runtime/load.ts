/**
 * What `kaconf run` executes: a plan file (validated against plan.schema.json), or a
 * keepalived.conf compiled on the spot (refused when lint finds errors).
 *
 * A plan is recognised by its content (a JSON object) or its name (`*.json`); a file that
 * should be a plan and is not one — empty, cut short, another kind of JSON, a plan from a newer
 * kaconf — is refused with a message saying which, never read as a keepalived.conf.
 */
import { readFileSync } from 'node:fs';
import type { LintResult } from '../lint/index.js';
import { compileFile, type CompileOptions } from '../compile/index.js';
import { PLAN_KIND, PLAN_VERSION, type Plan } from '../compile/plan.js';
import { validatePlan } from '../compile/validate.js';

export type LoadResult =
  | { ok: true; plan: Plan; warnings: string[]; from: 'plan' | 'conf' }
  /** exit 2: unreadable, or a plan that does not validate; exit 1: a config with lint errors */
  | { ok: false; exit: 1 | 2; message: string; lint?: LintResult };

export interface LoadOptions {
  /** what the file must be (a reload expects what the first load found) */
  expect?: 'plan' | 'conf';
}

/** Why a JSON value is not a plan this kaconf can run, or null when it may be one. */
function notAPlan(path: string, value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path} is not a kaconf plan: the JSON is not an object`;
  const v = value as { kind?: unknown; version?: unknown };
  if (v.kind === undefined) return `${path} is not a kaconf plan: it has no "kind" (a plan has "kind": "${PLAN_KIND}"; kaconf compile writes one)`;
  if (v.kind !== PLAN_KIND) return `${path} is not a kaconf plan: its kind is ${JSON.stringify(v.kind).slice(0, 60)}, not "${PLAN_KIND}"`;
  if (typeof v.version === 'number' && Number.isInteger(v.version) && v.version > PLAN_VERSION) {
    return `${path} is a version ${v.version} plan, written by a newer kaconf; this kaconf runs version ${PLAN_VERSION} plans (compile the config again with this kaconf, or upgrade it)`;
  }
  if (v.version !== PLAN_VERSION) return `${path} is not a plan this kaconf can run: its version is ${JSON.stringify(v.version ?? null).slice(0, 30)}, not ${PLAN_VERSION}`;
  return null;
}

export function loadPlanOrConf(path: string, options: CompileOptions, load: LoadOptions = {}): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, exit: 2, message: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  const trimmed = text.trimStart();
  const isPlan = load.expect === 'plan' || (load.expect === undefined && (trimmed.startsWith('{') || /\.json$/i.test(path)));
  if (isPlan) {
    if (trimmed === '') return { ok: false, exit: 2, message: `${path} is not a valid plan: the file is empty` };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      if (!/^[[{]/.test(trimmed)) return { ok: false, exit: 2, message: `${path} is not a valid plan: it is not JSON (a plan is the JSON object kaconf compile writes)` };
      const msg = (e as Error).message;
      const at = /at position (\d+)/.exec(msg);
      const cut = /end of (json )?input|unterminated/i.test(msg) || (at !== null && Number(at[1]) >= text.trimEnd().length);
      return { ok: false, exit: 2, message: `${path} is not a valid plan: ${cut ? `the JSON ends too early (${Buffer.byteLength(text)} bytes; the file looks cut short)` : `not JSON (${msg})`}` };
    }
    const wrong = notAPlan(path, value);
    if (wrong) return { ok: false, exit: 2, message: wrong };
    const problems = validatePlan(value);
    if (problems.length) return { ok: false, exit: 2, message: `${path} is not a valid kaconf plan:\n  ${problems.join('\n  ')}` };
    return { ok: true, plan: value as Plan, warnings: [], from: 'plan' };
  }
  const r = compileFile(path, options);
  if (r.ok) return { ok: true, plan: r.plan, warnings: r.warnings, from: 'conf' };
  if (r.ioError) return { ok: false, exit: 2, message: `cannot read ${r.ioError}` };
  if (r.errors) return { ok: false, exit: 2, message: `the compiled plan does not validate (a kaconf bug):\n  ${r.errors.join('\n  ')}` };
  return { ok: false, exit: 1, message: `${path} has errors; not compiled`, ...(r.lint ? { lint: r.lint } : {}) };
}
