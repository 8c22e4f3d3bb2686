import type { Rule } from '../../rule.js';
import { topStatements } from './util.js';

/** net_namespace: keepalived -t enters the namespace first and checks nothing when it is missing. */
export const netNamespaceTest: Rule = {
  meta: {
    id: 'global/net-namespace-test',
    severity: 'info',
    description: '`net_namespace`: `keepalived -t` silently checks nothing if the namespace does not exist.',
    docs:
      'With `net_namespace NAME`, keepalived enters the network namespace before validating the configuration — also under `keepalived -t`. When the namespace does not exist on the host, it gives up before the checks and `keepalived -t` exits 0 even if it printed errors, so a test run on a host without the namespace proves nothing. Create the namespace (`ip netns add NAME`) on the host where you test, or rely on kaconf\'s checks.',
    keepalived: 'setns fails: keepalived exits before validating (-t exit 0)',
  },
  check(ctx) {
    const n = topStatements(ctx).find((s) => s.keyword === 'net_namespace');
    if (!n || n.args.length === 0) return;
    ctx.report({
      loc: n.keywordLoc,
      message: `keepalived -t enters network namespace ${n.args[0]} first; on a host where it does not exist, the test passes without checking anything`,
      hint: `run keepalived -t where namespace ${n.args[0]} exists`,
    });
  },
};
