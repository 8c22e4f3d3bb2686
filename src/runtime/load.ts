/**
 * What `kaconf run` executes: a plan file (validated against plan.schema.json), or a
 * keepalived.conf compiled on the spot (refused when lint finds errors).
 */
import { readFileSync } from 'node:fs';
import type { LintResult } from '../lint/index.js';
import { compileFile, type CompileOptions } from '../compile/index.js';
import type { Plan } from '../compile/plan.js';
import { validatePlan } from '../compile/validate.js';

export type LoadResult =
  | { ok: true; plan: Plan; warnings: string[] }
  /** exit 2: unreadable, or a plan that does not validate; exit 1: a config with lint errors */
  | { ok: false; exit: 1 | 2; message: string; lint?: LintResult };

export function loadPlanOrConf(path: string, options: CompileOptions): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, exit: 2, message: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return { ok: false, exit: 2, message: `${path} is not a valid plan: not JSON (${(e as Error).message})` };
    }
    const problems = validatePlan(value);
    if (problems.length) return { ok: false, exit: 2, message: `${path} is not a valid kaconf plan:\n  ${problems.join('\n  ')}` };
    return { ok: true, plan: value as Plan, warnings: [] };
  }
  const r = compileFile(path, options);
  if (r.ok) return { ok: true, plan: r.plan, warnings: r.warnings };
  if (r.ioError) return { ok: false, exit: 2, message: `cannot read ${r.ioError}` };
  if (r.errors) return { ok: false, exit: 2, message: `the compiled plan does not validate (a kaconf bug):\n  ${r.errors.join('\n  ')}` };
  return { ok: false, exit: 1, message: `${path} has errors; not compiled`, ...(r.lint ? { lint: r.lint } : {}) };
}
