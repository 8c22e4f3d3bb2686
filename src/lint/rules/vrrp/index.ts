import type { Rule } from '../../rule.js';
import { unicastPeerIsSelf } from './unicast-peer-is-self.js';

export const vrrpRules: Rule[] = [unicastPeerIsSelf];
