import { undefinedRule } from './track-undefined.js';

export const trackBfdUndefined = undefinedRule('track_bfd', 'refs/track-bfd-undefined', 'bfd_instance gw {\n    neighbor_ip 10.0.0.254\n}\nvrrp_instance VI_1 {\n    track_bfd {\n        gw\n    }\n}');
