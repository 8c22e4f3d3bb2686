import { ruleTester } from '../../helpers/lint.js';

ruleTester('bfd/family-mismatch', {
  valid: [
    { name: 'same family', code: 'bfd_instance B {\n    neighbor_ip 192.0.2.11\n    source_ip 192.0.2.1\n}\n' },
    { name: 'no source', code: 'bfd_instance B {\n    neighbor_ip 2001:db8::11\n}\n' },
  ],
  invalid: [
    {
      name: 'IPv6 source, IPv4 neighbour',
      code: 'bfd_instance B {\n    neighbor_ip 192.0.2.11\n    source_ip 2001:db8::1\n}\n',
      lines: [3],
      endLines: [4],
      messages: ['IPv6 `source_ip`'],
    },
    { name: 'also in 2.2.7', version: '2.2.7', code: 'bfd_instance B {\n    source_ip 192.0.2.1\n    neighbour_ip 2001:db8::11\n}\n', lines: [2], endLines: [4] },
  ],
});
