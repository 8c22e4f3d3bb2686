import type { Rule } from '../../rule.js';

/** vrrp_script timeout longer than interval: runs overlap and are skipped. */
export const timeoutExceedsInterval: Rule = {
  meta: {
    id: 'script/timeout-exceeds-interval',
    severity: 'warning',
    description: 'A vrrp_script whose `timeout` is longer than its `interval`.',
    docs:
      'keepalived starts a vrrp_script every `interval` seconds (default 1) and gives it `timeout` seconds (default: the interval) to finish. With a timeout longer than the interval a slow run is still going when the next one is due: keepalived logs that the script is already running and skips that run, so the script is checked less often than the interval says and `rise`/`fall` take longer than expected. Keep `timeout` at most `interval`.\n\n' +
      '```\nvrrp_script chk {\n    script "/usr/local/bin/check"\n    interval 5\n    timeout 3\n}\n```',
  },
  check(ctx) {
    for (const s of ctx.named('vrrp_script')) {
      const interval = typeof s.body.interval === 'number' && s.body.interval > 0 ? s.body.interval : 1;
      const timeout = s.body.timeout;
      if (typeof timeout !== 'number' || timeout <= interval) continue;
      ctx.report({
        pointer: `${s.pointer}/timeout`,
        message: `vrrp_script ${s.name} may run for ${timeout} s but is started every ${interval} s; keepalived skips the runs that fall due while it is still running`,
        hint: 'make `timeout` at most `interval`',
      });
    }
  },
};
