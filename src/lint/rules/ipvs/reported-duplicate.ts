import type { Rule } from '../../rule.js';
import { IPVS_DUPLICATES, reportDuplicates } from './duplicates.js';

/** A virtual_server/real_server/SSL keyword given twice where keepalived reports it. */
export const reportedDuplicate: Rule = {
  meta: {
    id: 'ipvs/reported-duplicate',
    severity: 'error',
    description: 'A virtual_server, real_server or SSL keyword given twice where keepalived reports the second one.',
    docs:
      'For most keywords a second occurrence silently replaces the first (see `duplicate-keyword`). For these keepalived reports it, and `keepalived -t` fails:\n\n- `quorum_up`, `quorum_down` (virtual_server) and `notify_up`, `notify_down` (real_server): the **first** script is kept, the second ignored;\n- `virtualhost`, `snmp_name` (virtual_server and real_server): from keepalived 2.2.8 ("Duplicate … - overwriting"), the last one is kept; 2.2.7 replaces silently;\n- a second `SSL` block (replaces the whole first block) and a repeated `password`, `ca`, `certificate` or `key` inside it.\n\n```\nreal_server 192.0.2.11 80 {\n    notify_up /usr/local/bin/up.sh\n    notify_up /usr/local/bin/other.sh     ! ignored, reported\n}\n```',
    keepalived: 'notify_up script already specified - ignoring X / Duplicate vs virtualhost - overwriting A with B / SSL context already specified - replacing',
  },
  check(ctx) {
    reportDuplicates(ctx, IPVS_DUPLICATES);
  },
};
