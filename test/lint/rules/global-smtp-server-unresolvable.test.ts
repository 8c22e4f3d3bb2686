import { ruleTester } from '../../helpers/lint.js';

const g = (server: string): string => `global_defs {\n  smtp_server ${server}\n}\n`;

ruleTester('global/smtp-server-unresolvable', {
  valid: [
    { name: 'an address', code: g('192.0.2.25') },
    { name: 'a host name kaconf does not look up', code: g('mail.example.com 587') },
    { name: 'a name that merely contains invalid', code: g('invalid.example.com') },
  ],
  invalid: [
    { name: 'a name under .invalid', code: g('no-such-host.invalid'), lines: [2], messages: ['.invalid'] },
    { name: 'with a port (2.2.7)', version: '2.2.7', code: g('mail.INVALID 25'), lines: [2] },
  ],
});
