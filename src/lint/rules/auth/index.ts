import type { Rule } from '../../rule.js';
import { ahInitialMaster } from './ah-initial-master.js';
import { ahIpv6 } from './ah-ipv6.js';
import { ahObsolete } from './ah-obsolete.js';
import { noPassword } from './no-password.js';
import { noType } from './no-type.js';
import { passPlaintext } from './pass-plaintext.js';
import { syncGroupMismatch } from './sync-group-mismatch.js';
import { vrrpv3 } from './vrrpv3.js';

export const authRules: Rule[] = [vrrpv3, noPassword, ahIpv6, ahInitialMaster, noType, syncGroupMismatch, passPlaintext, ahObsolete];
