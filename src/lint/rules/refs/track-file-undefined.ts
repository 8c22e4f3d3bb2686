import { undefinedRule } from './track-undefined.js';

export const trackFileUndefined = undefinedRule('track_file', 'refs/track-file-undefined', 'track_file maint {\n    file /etc/keepalived/maint\n}\nvrrp_instance VI_1 {\n    track_file {\n        maint\n    }\n}');
