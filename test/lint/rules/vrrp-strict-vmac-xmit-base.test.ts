import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip = ['    virtual_ipaddress {', '        10.0.0.100/24', '    }'];
const strict = (...body: string[]): string => conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', ...body, ...vip, '}');

ruleTester('vrrp-strict/vmac-xmit-base', {
  valid: [
    { name: 'use_vmac alone', code: strict('    use_vmac') },
    { name: 'not strict', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    use_vmac', '    vmac_xmit_base', ...vip, '}') },
  ],
  invalid: [
    { name: 'written', code: strict('    use_vmac', '    vmac_xmit_base'), lines: [6] },
    {
      name: 'implied by unicast with an interface: at use_vmac',
      code: strict('    use_vmac', '    unicast_peer {', '        10.0.0.2', '    }'),
      lines: [5],
      messages: ['unicast'],
    },
  ],
});
