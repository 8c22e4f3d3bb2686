import type { Rule } from '../../rule.js';
import { dstWithUnicast } from './dst-with-unicast.js';
import { familyMismatch } from './family-mismatch.js';
import { firstVipLinkLocal } from './first-vip-link-local.js';
import { nativeIpv6Version } from './native-ipv6-version.js';

export const mcastRules: Rule[] = [familyMismatch, nativeIpv6Version, dstWithUnicast, firstVipLinkLocal];
