import type { Rule } from '../../rule.js';

export const checkerRules: Rule[] = [];
