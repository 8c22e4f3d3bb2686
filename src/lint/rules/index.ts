/** Every rule kaconf knows. A rule family lives in its own folder and exports its list. */
import type { Rule } from '../rule.js';
import { coreRules } from './core/index.js';
import { syntaxRules } from './syntax/index.js';
import { vrrpRules } from './vrrp/index.js';

export const ALL_RULES: Rule[] = [...syntaxRules, ...coreRules, ...vrrpRules];

const byId = new Map(ALL_RULES.map((r) => [r.meta.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
