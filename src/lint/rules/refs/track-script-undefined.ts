import { undefinedRule } from './track-undefined.js';

export const trackScriptUndefined = undefinedRule('track_script', 'refs/track-script-undefined', 'vrrp_script chk_haproxy {          ! defined before the instance\n    script "/usr/bin/pidof haproxy"\n}\nvrrp_instance VI_1 {\n    track_script {\n        chk_haproxy\n    }\n}');
