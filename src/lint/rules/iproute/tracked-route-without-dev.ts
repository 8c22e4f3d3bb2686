import type { Rule } from '../../rule.js';
import { iprouteLines, whereText } from './lines.js';

/** keepalived 2.2.7 cannot track a route that has no `dev`. */
export const trackedRouteWithoutDev: Rule = {
  meta: {
    id: 'iproute/tracked-route-without-dev',
    severity: 'error',
    description: 'A tracked route without `dev` (keepalived 2.2.7).',
    docs:
      'keepalived watches the routes it installs (unless the route has `no_track`) and reacts when one disappears. keepalived 2.2.7 can only watch a route that names its output interface with `dev` (or `oif`): for any other it reports that it cannot track the route, installs it untracked, and `keepalived -t` fails. keepalived 2.2.8 and later track such routes too.\n\n' +
      '```\nvirtual_routes {\n    10.5.0.0/16 via 10.0.0.254 dev eth0       ! or add no_track\n}\n```',
    keepalived: 'Warning - cannot track route X with no interface specified, not tracking',
  },
  check(ctx) {
    if (ctx.atLeast('2.2.8')) return;
    for (const l of iprouteLines(ctx)) {
      if (l.kind !== 'route' || l.value.no_track === true || l.value.dev !== undefined || l.value.to === undefined) continue;
      ctx.report({
        pointer: `${l.pointer}/to`,
        message: `the route to ${String(l.value.to)} in ${whereText(l)} has no \`dev\`; keepalived ${ctx.versionText} cannot track it, reports it and installs it untracked`,
        hint: 'add `dev IFNAME`, or `no_track` if the route need not be watched',
      });
    }
  },
};
