import { ruleTester } from '../../helpers/lint.js';

const two = (a: string, b: string): string => `bfd_instance B1 {\n${a}}\nbfd_instance B2 {\n${b}}\n`;

ruleTester('bfd/duplicate-neighbor', {
  valid: [
    { name: 'different neighbours', code: two('    neighbor_ip 192.0.2.11\n', '    neighbor_ip 192.0.2.12\n') },
    { name: 'same neighbour, different sources', code: two('    neighbor_ip 192.0.2.11\n    source_ip 192.0.2.1\n', '    neighbor_ip 192.0.2.11\n    source_ip 192.0.2.2\n') },
    { name: 'single-hop and multihop (2.3)', code: two('    neighbor_ip 192.0.2.11\n', '    neighbor_ip 192.0.2.11\n    multihop\n') },
    { name: 'the first instance was dropped (no neighbour)', code: two('    source_ip 192.0.2.1\n', '    neighbor_ip 192.0.2.11\n') },
  ],
  invalid: [
    { name: 'same neighbour', code: two('    neighbor_ip 192.0.2.11\n', '    neighbor_ip 192.0.2.11\n'), lines: [5], endLines: [6], messages: ['bfd_instance B1'] },
    { name: 'same IPv6 neighbour written differently', code: two('    neighbor_ip 2001:db8::11\n', '    neighbour_ip 2001:db8:0:0::11\n'), lines: [5] },
    { name: 'one side without a source', code: two('    neighbor_ip 192.0.2.11\n', '    neighbor_ip 192.0.2.11\n    source_ip 192.0.2.1\n'), lines: [5], endLines: [7] },
  ],
});
