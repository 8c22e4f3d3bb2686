import { ruleTester } from '../../helpers/lint.js';

const tg = 'track_group TG_1 {\n  group {\n    VI_1\n  }\n}\n';

ruleTester('refs/track-group-undefined', {
  valid: [{ name: 'defined above', code: `${tg}static_ipaddress {\n  10.2.0.200/24 dev eth2 track_group TG_1\n}\n` }],
  invalid: [
    { name: 'static address, group defined below', code: `static_ipaddress {\n  10.2.0.200/24 dev eth2 track_group TG_1\n}\n${tg}`, lines: [2], messages: ['further down'] },
    { name: 'static route, unknown group', code: `${tg}static_routes {\n  10.20.0.0/16 via 10.2.0.254 dev eth2 track_group TG_2\n}\n`, lines: [7], messages: ['TG_2'] },
    { name: 'the group has no members (dropped in 2.2.8+)', code: 'track_group TG_1 {\n}\nstatic_ipaddress {\n  10.2.0.200/24 dev eth2 track_group TG_1\n}\n', lines: [4], messages: ['no members'] },
  ],
});
