import { ruleTester } from '../../helpers/lint.js';

ruleTester('vrrp/track-group-empty', {
  valid: [{ name: 'with members', code: 'track_group TG {\n  group {\n    VI_1\n  }\n}\n' }],
  invalid: [
    { name: 'an empty group block', code: 'track_group TG {\n  group {\n  }\n}\n', lines: [2], endLines: [4] },
    { name: 'an empty group block in 2.2.7', code: 'track_group TG {\n  group {\n  }\n}\n', version: '2.2.7', lines: [2] },
    { name: 'no group block (2.2.8+: reported)', code: 'track_group TG {\n}\n', lines: [1], endLines: [2], messages: ['removes'] },
    { name: 'no group block in 2.2.7: only logged', code: 'track_group TG {\n}\n', version: '2.2.7', lines: [1], messages: ['logged only'] },
  ],
});
