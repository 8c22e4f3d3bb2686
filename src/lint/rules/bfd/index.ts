import type { Rule } from '../../rule.js';
import { duplicateNeighbor } from './duplicate-neighbor.js';
import { familyMismatch } from './family-mismatch.js';
import { maxHops } from './max-hops.js';

export const bfdRules: Rule[] = [familyMismatch, duplicateNeighbor, maxHops];
