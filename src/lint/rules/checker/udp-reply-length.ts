import type { Rule } from '../../rule.js';
import { allCheckers, closeLoc } from '../ipvs/util.js';

/** UDP_CHECK min_reply_length above max_reply_length (default 255). */
export const udpReplyLength: Rule = {
  meta: {
    id: 'checker/udp-reply-length',
    severity: 'error',
    description: 'UDP_CHECK `min_reply_length` is larger than `max_reply_length` (default 255).',
    docs:
      'A reply must be at least `min_reply_length` and at most `max_reply_length` bytes long (the maximum defaults to 255). With the minimum above the maximum no reply can pass, so keepalived reports it at the end of the UDP_CHECK block ("will always fail"); `keepalived -t` fails.\n\n```\nUDP_CHECK {\n    require_reply\n    min_reply_length 300      ! max_reply_length defaults to 255\n}\n```',
    keepalived: 'UDP_CHECK min_reply length MIN > max_reply_length MAX - will always fail',
  },
  check(ctx) {
    for (const c of allCheckers(ctx)) {
      if (c.type !== 'UDP_CHECK') continue;
      const min = c.body.min_reply_length;
      const rawMax = c.body.max_reply_length;
      if (typeof min !== 'number' || min < 0 || min > 65535) continue;
      const max = typeof rawMax === 'number' && rawMax >= 0 && rawMax <= 65535 ? rawMax : 255;
      if (min <= max) continue;
      // keepalived checks it at the end of the UDP_CHECK block
      ctx.report({
        loc: closeLoc(ctx, c.pointer),
        message: `min_reply_length ${min} is above ${rawMax === max ? 'max_reply_length' : 'the default max_reply_length'} ${max}; every reply fails the check`,
        hint: rawMax === max ? 'lower min_reply_length or raise max_reply_length' : `add \`max_reply_length\` of at least ${min}`,
      });
    }
  },
};
