import type { Rule } from '../../rule.js';

export const globalRules: Rule[] = [];
