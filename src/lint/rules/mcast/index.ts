import type { Rule } from '../../rule.js';

export const mcastRules: Rule[] = [];
