import { ruleTester } from '../../helpers/lint.js';

ruleTester('script/missing-script', {
  valid: [{ name: 'with script', code: 'vrrp_script chk {\n  script /usr/bin/true\n  interval 2\n}\n' }],
  invalid: [{ name: 'without script', code: 'vrrp_script chk {\n  interval 2\n}\n', lines: [1], endLines: [3], messages: ['chk'] }],
});
