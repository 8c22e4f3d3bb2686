import type { Rule } from '../../rule.js';

export const authRules: Rule[] = [];
