import type { Rule } from '../../rule.js';
import type { StatementNode } from '../../../syntax/ast.js';
import { addressFamily, statements } from './facts.js';

/** A `version` keepalived ignores: it conflicts with an earlier version, native_ipv6 or an IPv6 address. */
export const versionConflict: Rule = {
  meta: {
    id: 'vrrp/version-conflict',
    severity: 'error',
    description: 'A `version` line that contradicts an earlier `version`, `native_ipv6` or IPv6 address of the instance.',
    docs:
      'keepalived fixes an instance\'s VRRP version as it reads: the first accepted `version` holds, `native_ipv6` sets version 3, and once an IPv6 address (virtual address, source, peer, multicast group) has made the instance IPv6, `version 2` is refused. A later `version` that contradicts this is reported and ignored, and `keepalived -t` fails.\n\n' +
      '```\nvrrp_instance VI_1 {\n    virtual_ipaddress {\n        fe80::1/64\n    }\n    version 2       ! ignored: the instance is IPv6 (VRRPv3)\n}\n```',
    keepalived: '(VI_1) vrrp_version 2 conflicts with configured or deduced version 3; ignoring.',
  },
  check(ctx) {
    for (const inst of ctx.instances()) {
      const node = ctx.ref(inst.pointer)?.node;
      if (!node || node.type !== 'block') continue;
      let version: number | undefined;
      let versionFrom: StatementNode | undefined;
      let ipv6From: StatementNode | undefined;
      let ipv4 = false;
      const setFamily = (f: string | undefined, st: StatementNode): void => {
        if (!f || ipv4 || ipv6From) return;
        if (f === 'IPv4') ipv4 = true;
        else ipv6From = st;
      };
      for (const st of statements(node.body)) {
        switch (st.keyword) {
          case 'virtual_ipaddress':
          case 'unicast_peer':
            if (st.type === 'block') {
              for (const l of statements(st.body)) {
                setFamily(st.keyword === 'virtual_ipaddress' ? (l.keyword.includes(':') ? 'IPv6' : 'IPv4') : addressFamily(l.keyword), l);
              }
            }
            break;
          case 'mcast_src_ip':
          case 'unicast_src_ip':
          case 'mcast_dst_ip':
            setFamily(addressFamily(st.args[0] ?? ''), st);
            break;
          case 'use_ipvlan':
            for (const w of st.args) {
              const fam = /^[0-9a-fA-F:.]+(\/\d+)?$/.test(w) ? addressFamily(w) : undefined;
              if (fam) {
                setFamily(fam, st);
                break;
              }
            }
            break;
          case 'native_ipv6':
            if (!ipv4) {
              ipv6From ??= st;
              version = 3;
              versionFrom = st;
            }
            break;
          case 'version': {
            const v = Number(st.args[0]);
            if (v !== 2 && v !== 3) break;
            const loc = st.argLocs[0] ?? st.keywordLoc;
            if (version !== undefined && version !== v) {
              const by = versionFrom?.keyword === 'native_ipv6' ? `native_ipv6 on line ${versionFrom.keywordLoc.line}` : `\`version ${version}\` on line ${versionFrom?.keywordLoc.line ?? '?'}`;
              ctx.report({
                loc,
                message: `\`version ${v}\` conflicts with ${by}; keepalived keeps version ${version} and ignores this line`,
                hint: 'keep a single `version` line',
              });
              break;
            }
            if (v === 2 && ipv6From) {
              ctx.report({
                loc,
                message: `\`version 2\` comes after the IPv6 address on line ${ipv6From.keywordLoc.line}, which made vrrp_instance ${inst.name} an IPv6 (VRRPv3) instance; keepalived ignores it`,
                hint: 'remove the line: IPv6 instances use VRRPv3',
              });
              break;
            }
            version = v;
            versionFrom = st;
            break;
          }
        }
      }
    }
  },
};
