import { undefinedRule } from './track-undefined.js';

export const trackProcessUndefined = undefinedRule('track_process', 'refs/track-process-undefined', 'vrrp_track_process haproxy {\n    process haproxy\n}\nvrrp_instance VI_1 {\n    track_process {\n        haproxy\n    }\n}');
