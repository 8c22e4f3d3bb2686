import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip = ['    virtual_ipaddress {', '        10.0.0.100/24', '    }'];
const strict = (...body: string[]): string => conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', ...body, ...vip, '}');

ruleTester('vrrp-strict/vmac-address', {
  valid: [
    { name: 'use_vmac without a MAC', code: strict('    use_vmac vrrp.51') },
    { name: 'a multicast MAC is refused on its own (not a strict-mode finding)', code: strict('    use_vmac 01:00:00:00:00:51') },
    { name: 'not strict', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    use_vmac 02:00:00:00:00:51', ...vip, '}') },
  ],
  invalid: [
    { name: 'name and six octets', code: strict('    use_vmac vrrp.51 02:00:00:00:00:51'), lines: [5], messages: ['02:00:00:00:00:51'] },
    { name: 'five octets (VRID appended)', code: strict('    use_vmac 02:00:00:00:00'), lines: [5] },
  ],
});
