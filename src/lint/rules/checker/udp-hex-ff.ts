import type { Rule } from '../../rule.js';
import { allCheckers } from '../ipvs/util.js';

/** The last byte keepalived reads from hex words: pairs of digits within each word, a lone last digit on its own. */
function lastByte(words: string[]): string | undefined {
  const last = words.filter((w) => w !== '').pop();
  if (!last) return undefined;
  return last.length % 2 === 0 ? last.slice(-2) : last.slice(-1);
}

/** UDP_CHECK payload / require_reply whose last byte is ff (rejected by a keepalived bug). */
export const udpHexFf: Rule = {
  meta: {
    id: 'checker/udp-hex-ff',
    severity: 'error',
    description: 'UDP_CHECK `payload` or `require_reply` data ending in the byte ff, which keepalived rejects.',
    docs:
      'keepalived reads the hex data of `payload` and `require_reply` byte by byte and uses the value ff internally as its "invalid digit" marker. Data whose last byte is `ff` is therefore rejected as an invalid hex string (a keepalived bug, in 2.2.7 and 2.3.2); `keepalived -t` fails and the payload/reply is not set.\n\n```\nUDP_CHECK {\n    payload 01 02 ff        ! rejected\n}\n```\n\nThere is no way to end the data with ff; if the protocol allows, append another byte.',
    keepalived: 'Invalid hex string for UDP_CHECK payload / reply',
  },
  check(ctx) {
    for (const c of allCheckers(ctx)) {
      if (c.type !== 'UDP_CHECK') continue;
      for (const kw of ['payload', 'require_reply']) {
        const v = c.body[kw];
        if (!Array.isArray(v)) continue;
        const words = v.map(String);
        if (!words.every((w) => (kw === 'payload' ? /^[0-9a-fA-F]+$/ : /^[0-9a-fA-FxX]+$/).test(w))) continue;
        if (lastByte(words)?.toLowerCase() !== 'ff') continue;
        ctx.report({
          pointer: `${c.pointer}/${kw}`,
          message: `the ${kw} data ends in the byte ff, which keepalived mistakes for an invalid digit and rejects`,
          hint: 'keepalived cannot take data ending in ff; change the last byte if the protocol allows',
        });
      }
    }
  },
};
