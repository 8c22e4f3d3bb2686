import type { Rule } from '../../rule.js';

export const vrrpStrictRules: Rule[] = [];
