import type { Rule } from '../../rule.js';
import { defaultUser } from './default-user.js';
import { insecurePath } from './insecure-path.js';
import { missingScript } from './missing-script.js';
import { relativePath } from './relative-path.js';
import { securityNotEnabled } from './security-not-enabled.js';
import { notifyTwice } from './notify-twice.js';
import { timeoutExceedsInterval } from './timeout-exceeds-interval.js';

export const scriptRules: Rule[] = [securityNotEnabled, defaultUser, missingScript, relativePath, timeoutExceedsInterval, insecurePath, notifyTwice];
