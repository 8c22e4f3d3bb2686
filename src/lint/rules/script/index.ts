import type { Rule } from '../../rule.js';

export const scriptRules: Rule[] = [];
