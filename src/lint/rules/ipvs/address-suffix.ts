import { isIPv4, isIPv6 } from 'node:net';
import type { Obj } from '../../context.js';
import type { Rule } from '../../rule.js';
import { CHECKERS, serverName, virtualServers, vsName } from './util.js';

/** The `-…` or `/…` keepalived drops from an address word, when the rest is an address. */
function droppedSuffix(v: unknown): { kept: string; dropped: string } | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^([^-/]*)([-/].*)$/.exec(v);
  if (!m || !(isIPv4(m[1]!) || isIPv6(m[1]!))) return undefined;
  return { kept: m[1]!, dropped: m[2]! };
}

/** An address with a range or prefix where keepalived reads a single address. */
export const addressSuffix: Rule = {
  meta: {
    id: 'ipvs/address-suffix',
    severity: 'warning',
    description: 'A virtual, real or sorry server address (or checker `connect_ip`/`bindto`) written with a `-range` or `/prefix` that keepalived ignores.',
    docs:
      'keepalived reads these addresses as one address and silently drops anything from a `-` or `/` on: `virtual_server 192.0.2.10-20 80` is a service on 192.0.2.10 only, and `real_server 10.0.0.1/24 80` is the server 10.0.0.1. For a service on several addresses use a `virtual_server_group` (its entries take ranges and prefixes) and `virtual_server group NAME`.\n\n' +
      '```\nvirtual_server_group web {\n    192.0.2.10-20 80\n}\nvirtual_server group web {\n    ...\n}\n```',
  },
  check(ctx) {
    const check = (pointer: string, value: unknown, what: string, where?: string): void => {
      const s = droppedSuffix(value);
      if (!s) return;
      ctx.report({
        pointer,
        message: `${what} ${String(value)}${where ? ` (${where})` : ''}: keepalived ignores '${s.dropped}' and uses the single address ${s.kept}`,
        hint: s.dropped.startsWith('-') ? 'for a range of addresses use a virtual_server_group; otherwise write the address alone' : 'write the address without a prefix length',
      });
    };
    // only a word with `-` or `/` can have a suffix: the pointer and words for the message are made for those
    const suffixed = (v: unknown): boolean => typeof v === 'string' && (v.includes('-') || v.includes('/'));
    for (const vs of virtualServers(ctx)) {
      if (suffixed(vs.body.address)) check(`${vs.pointer}/address`, vs.body.address, 'virtual_server address');
      const sorry = vs.body.sorry_server as Obj | undefined;
      if (sorry && suffixed(sorry.address)) check(`${vs.pointer}/sorry_server/address`, sorry.address, 'sorry_server address', `in ${vsName(vs.body)}`);
      for (const rs of vs.reals) {
        if (suffixed(rs.body.address)) check(`${rs.pointer}/address`, rs.body.address, 'real_server address');
        for (const type of CHECKERS) {
          const list = rs.body[type];
          if (!Array.isArray(list)) continue;
          (list as Obj[]).forEach((c, i) => {
            for (const k of ['connect_ip', 'bindto']) {
              if (suffixed(c?.[k])) check(`${rs.pointer}/${type}/${i}/${k}`, c[k], `\`${k}\``, `${type} of real_server ${serverName(rs.body)}`);
            }
          });
        }
      }
    }
  },
};
