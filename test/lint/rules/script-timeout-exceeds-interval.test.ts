import { ruleTester } from '../../helpers/lint.js';

const script = (body: string): string => `vrrp_script chk {\n  script /usr/bin/true\n${body}}\n`;

ruleTester('script/timeout-exceeds-interval', {
  valid: [
    { name: 'timeout below interval', code: script('  interval 5\n  timeout 3\n') },
    { name: 'no timeout', code: script('  interval 5\n') },
  ],
  invalid: [
    { name: 'timeout above interval', code: script('  interval 2\n  timeout 5\n'), lines: [4] },
    { name: 'timeout above the default interval of 1 s', code: script('  timeout 3\n'), lines: [3], messages: ['every 1 s'] },
  ],
});
