import { ruleTester } from '../../helpers/lint.js';

const bfd = (body: string): string => `bfd_instance B {\n${body}}\n`;

ruleTester('bfd/max-hops', {
  valid: [
    { name: 'IPv4 default TTL 255', code: bfd('    neighbor_ip 192.0.2.11\n    max_hops 100\n') },
    { name: '-1 with IPv4', code: bfd('    neighbor_ip 192.0.2.11\n    max_hops -1\n') },
    { name: 'IPv6 within the default hop limit', code: bfd('    neighbor_ip 2001:db8::11\n    max_hops 64\n') },
    { name: 'raised hop limit', code: bfd('    neighbor_ip 2001:db8::11\n    hoplimit 200\n    max_hops 100\n') },
  ],
  invalid: [
    { name: 'IPv6 above the default hop limit', code: bfd('    neighbor_ip 2001:db8::11\n    max_hops 100\n'), lines: [3], endLines: [4], messages: ['hop limit 64'] },
    { name: '-1 counts as 255', code: bfd('    neighbor_ip 2001:db8::11\n    max_hops -1\n'), lines: [3] },
    { name: 'above ttl', version: '2.2.7', code: bfd('    neighbor_ip 192.0.2.11\n    ttl 10\n    max_hops 20\n'), lines: [4], messages: ['`ttl 10`'] },
  ],
});
