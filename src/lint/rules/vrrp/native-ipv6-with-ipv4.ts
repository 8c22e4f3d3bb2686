import type { Rule } from '../../rule.js';
import { addressFamily, statements } from './facts.js';

/** native_ipv6 after an IPv4 address has made the instance IPv4. */
export const nativeIpv6WithIpv4: Rule = {
  meta: {
    id: 'vrrp/native-ipv6-with-ipv4',
    severity: 'error',
    description: '`native_ipv6` in an instance an earlier IPv4 address has already made IPv4.',
    docs:
      'The first address keepalived reads in an instance (a virtual address, `mcast_src_ip`, `unicast_src_ip`, `mcast_dst_ip`, a unicast peer or the `use_ipvlan` address) fixes its address family. `native_ipv6` after an IPv4 address is reported and ignored, and `keepalived -t` fails. `native_ipv6` is deprecated anyway: an IPv6 virtual address makes the instance IPv6 by itself.\n\n' +
      '```\nvrrp_instance VI_1 {\n    mcast_src_ip 10.0.0.1\n    native_ipv6          ! rejected: the instance is IPv4\n}\n```',
    keepalived: '(VI_1) Cannot specify native_ipv6 with IPv4 addresses',
  },
  check(ctx) {
    for (const inst of ctx.instances()) {
      const node = ctx.ref(inst.pointer)?.node;
      if (!node || node.type !== 'block') continue;
      let family: string | undefined;
      let firstLine = 0;
      for (const st of statements(node.body)) {
        const set = (f: string | undefined, line: number): void => {
          if (f && family === undefined) {
            family = f;
            firstLine = line;
          }
        };
        if ((st.keyword === 'virtual_ipaddress' || st.keyword === 'unicast_peer') && st.type === 'block') {
          for (const l of statements(st.body)) set(st.keyword === 'virtual_ipaddress' ? (l.keyword.includes(':') ? 'IPv6' : 'IPv4') : addressFamily(l.keyword), l.keywordLoc.line);
        } else if (['mcast_src_ip', 'unicast_src_ip', 'mcast_dst_ip'].includes(st.keyword)) {
          set(addressFamily(st.args[0] ?? ''), st.keywordLoc.line);
        } else if (st.keyword === 'use_ipvlan') {
          const w = st.args.find((a) => /^[0-9a-fA-F:.]+(\/\d+)?$/.test(a) && addressFamily(a));
          if (w) set(addressFamily(w), st.keywordLoc.line);
        } else if (st.keyword === 'native_ipv6') {
          if (family === 'IPv4') {
            ctx.report({
              loc: st.keywordLoc,
              message: `\`native_ipv6\` comes after the IPv4 address on line ${firstLine}, which made vrrp_instance ${inst.name} IPv4; keepalived rejects it`,
              hint: 'remove `native_ipv6` (an IPv6 virtual address makes the instance IPv6), or move the IPv4 addresses to virtual_ipaddress_excluded',
            });
          } else family ??= 'IPv6';
        }
      }
    }
  },
};
