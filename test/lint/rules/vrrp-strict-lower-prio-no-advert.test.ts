import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip = ['    virtual_ipaddress {', '        10.0.0.100/24', '    }'];
const strict = (...body: string[]): string => conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', ...body, ...vip, '}');

ruleTester('vrrp-strict/lower-prio-no-advert', {
  valid: [
    { name: 'bare keyword (on)', code: strict('    lower_prio_no_advert') },
    { name: 'explicitly on', code: strict('    lower_prio_no_advert true') },
    { name: 'off outside strict mode', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    lower_prio_no_advert false', ...vip, '}') },
  ],
  invalid: [{ name: 'explicitly off', code: strict('    lower_prio_no_advert false'), lines: [5] }],
});
