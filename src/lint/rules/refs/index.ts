import type { Rule } from '../../rule.js';

export const refsRules: Rule[] = [];
