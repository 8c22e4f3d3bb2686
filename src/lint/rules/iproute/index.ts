import type { Rule } from '../../rule.js';
import { rttRange } from './rtt-range.js';
import { trackedRouteWithoutDev } from './tracked-route-without-dev.js';
import { unknownName } from './unknown-name.js';

export const iprouteRules: Rule[] = [unknownName, rttRange, trackedRouteWithoutDev];
