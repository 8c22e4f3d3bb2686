import type { Rule } from '../../rule.js';
import { instanceFacts } from './facts.js';

const MTU = 1500;

/** How many addresses fit one advert (keepalived's formula at the usual MTU of 1500). */
export function maxVipsPerAdvert(family: 'IPv4' | 'IPv6', version: 2 | 3, ah: boolean): number {
  let n: number;
  if (family === 'IPv4') {
    let hdr = 14 + 20 + 8;
    if (version === 2) hdr += 8 + (ah ? 24 : 0);
    n = Math.floor((MTU - hdr) / 4);
  } else n = Math.floor((MTU - 14 - 40 - 8) / 16);
  return Math.min(n, 255);
}

/** More virtual addresses than fit in one advertisement. */
export const tooManyVips: Rule = {
  meta: {
    id: 'vrrp/too-many-vips',
    severity: 'error',
    description: 'More `virtual_ipaddress` entries than fit in one VRRP advertisement.',
    docs:
      'Every virtual address is listed in each advert, and the address count is one byte. keepalived computes how many addresses fit in a packet on the instance\'s interface: at most 255, and for IPv6 (16 bytes each) 89 at the usual MTU of 1500. The excess addresses are reported, moved to the excluded list (not advertised, still added on MASTER), and `keepalived -t` fails. kaconf assumes an MTU of 1500; a larger MTU allows more IPv6 addresses.\n\n' +
      'Put addresses that need not be in the advert in `virtual_ipaddress_excluded` yourself.\n\n```\nvrrp_instance VI_6 {\n    virtual_ipaddress {\n        fd00::1/64          ! at most 89 IPv6 addresses per advert\n        ...\n    }\n    virtual_ipaddress_excluded {\n        fd00::100/64        ! the rest: not advertised, still added\n    }\n}\n```',
    keepalived: '(VI_1) Number of VIPs (N) exceeds maximum/space available in packet (max M addresses) - excess moved to eVIPs',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      const vips = f.vips.filter((v) => typeof v.address === 'string' && (String(v.address).includes(':') ? 'IPv6' : 'IPv4') === f.family);
      const auth = f.body.authentication as { auth_type?: unknown } | undefined;
      const max = maxVipsPerAdvert(f.family, f.version, auth?.auth_type === 'AH');
      if (vips.length <= max) continue;
      const idx = f.vips.indexOf(vips[max]!);
      ctx.report({
        pointer: `${f.pointer}/virtual_ipaddress/${idx}`,
        message: `vrrp_instance ${f.name} has ${vips.length} virtual addresses but one ${f.family} advert holds at most ${max}${f.family === 'IPv6' ? ` (at MTU ${MTU})` : ''}; keepalived moves this one and the rest to the excluded addresses`,
        hint: 'move the addresses that need not be advertised to `virtual_ipaddress_excluded`',
      });
    }
  },
};
