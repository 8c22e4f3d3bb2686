import type { Loc } from '../../../diagnostics.js';
import type { Rule } from '../../rule.js';
import type { RuleContext } from '../../context.js';
import { effectiveInstances, strictSource, type Effective } from './effective.js';

/** keepalived's reading of a use_vmac MAC word: 5 octets (VRID appended) or 6, unicast, not the RFC 5798 range. */
export function vmacMacAccepted(word: string): boolean {
  if (!/^[0-9A-Fa-f:]+$/.test(word)) return false;
  const octets: number[] = [];
  let rest = word;
  for (let j = 0; j < 6; j++) {
    const m = /^([0-9A-Fa-f]{1,2})(.*)$/.exec(rest);
    if (!m) return false;
    const after = m[2]!;
    if (!after.startsWith(':') && (after !== '' || j < 4)) return false;
    octets.push(parseInt(m[1]!, 16));
    if (j === 4 && (after === '' || after === ':')) break;
    rest = after.slice(1);
    if (rest === '' && j < 5) return false;
  }
  if (octets[0]! & 1) return false;
  if (octets[0] === 0 && octets[1] === 0 && octets[2] === 0x5e && octets[3] === 0 && (octets[4] === 1 || octets[4] === 2)) return false;
  return true;
}

/** The MAC address keepalived would use from `use_vmac`, with where it is written. */
export function vmacMac(ctx: RuleContext, e: Effective): { mac: string; loc: Loc } | undefined {
  const node = e.useVmac;
  if (!node) return undefined;
  // the words as written (2.2.x reads only the first two)
  const words = node.args.map((text, i) => ({ text, loc: node.argLocs[i]! }));
  const considered = ctx.atLeast('2.3.0') ? words : words.slice(0, 2);
  const first = considered.find((w) => w.text.includes(':'));
  const fromDoc = (e.body.use_vmac as { mac?: unknown } | undefined)?.mac;
  const text = typeof fromDoc === 'string' ? fromDoc : first?.text;
  if (text === undefined || !vmacMacAccepted(text)) return undefined;
  return { mac: text, loc: first?.loc ?? node.keywordLoc };
}

/** Strict mode: the VMAC uses the RFC's virtual MAC, not a configured one. */
export const vmacAddress: Rule = {
  meta: {
    id: 'vrrp-strict/vmac-address',
    severity: 'error',
    description: '`use_vmac` with its own MAC address in an instance in strict mode.',
    docs:
      'The RFCs fix the virtual router MAC (00-00-5E-00-01-VRID, 00-00-5E-00-02-VRID for IPv6). In strict mode keepalived reports a MAC address given to `use_vmac`, uses the standard one instead and `keepalived -t` fails.\n\n```\nvrrp_instance VI_1 {\n    strict_mode\n    use_vmac vrrp.51 02:00:00:00:00:51    ! no own MAC in strict mode\n}\n```\n\nFix: remove the MAC address from `use_vmac`, or turn strict mode off for the instance.',
    keepalived: '(VI_1) a configured VMAC MAC address is refused in strict mode and cleared',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (!e.strict) continue;
      const found = vmacMac(ctx, e);
      if (!found) continue;
      ctx.report({
        loc: found.loc,
        message: `${e.name}: use_vmac cannot set the MAC address ${found.mac} in strict mode, set by ${strictSource(ctx, e)}; keepalived uses the standard virtual router MAC`,
        hint: `remove ${found.mac} from use_vmac`,
      });
    }
  },
};
