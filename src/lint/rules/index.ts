/** Every rule kaconf knows. A rule family lives in its own folder and exports its list. */
import type { Rule } from '../rule.js';
import { authRules } from './auth/index.js';
import { bfdRules } from './bfd/index.js';
import { checkerRules } from './checker/index.js';
import { coreRules } from './core/index.js';
import { globalRules } from './global/index.js';
import { iprouteRules } from './iproute/index.js';
import { ipvsRules } from './ipvs/index.js';
import { mcastRules } from './mcast/index.js';
import { refsRules } from './refs/index.js';
import { scriptRules } from './script/index.js';
import { syntaxRules } from './syntax/index.js';
import { vrrpStrictRules } from './vrrp-strict/index.js';
import { vrrpRules } from './vrrp/index.js';

export const ALL_RULES: Rule[] = [
  ...syntaxRules,
  ...coreRules,
  ...globalRules,
  ...vrrpRules,
  ...vrrpStrictRules,
  ...authRules,
  ...mcastRules,
  ...refsRules,
  ...iprouteRules,
  ...scriptRules,
  ...ipvsRules,
  ...checkerRules,
  ...bfdRules,
];

const byId = new Map(ALL_RULES.map((r) => [r.meta.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
