import type { Rule } from '../../rule.js';

export const ipvsRules: Rule[] = [];
