import type { Rule } from '../../rule.js';
import { CHECKER_DUPLICATES, reportDuplicates } from '../ipvs/duplicates.js';

/** A checker or url keyword given twice where keepalived reports the second one. */
export const reportedDuplicate: Rule = {
  meta: {
    id: 'checker/reported-duplicate',
    severity: 'error',
    description: 'A checker or url keyword given twice where keepalived reports the second one.',
    docs:
      'For most keywords a second occurrence silently replaces the first (see `duplicate-keyword`). For these keepalived reports it, and `keepalived -t` fails:\n\n- url `digest` and DNS_CHECK `name`: the **first** value is kept;\n- BFD_CHECK `name`: the whole checker is removed;\n- from keepalived 2.2.8: url `path`, `virtualhost`, `regex`, HTTP_GET/SSL_GET `virtualhost` and SMTP_CHECK `helo_name` ("Duplicate … - overwriting"; the last one is kept). 2.2.7 replaces these silently.\n\n```\nurl {\n    path /health\n    digest 9b3a0c85a887a256d6939da88aabd8cd\n    digest 0123456789abcdef0123456789abcdef     ! ignored, reported\n}\n```',
    keepalived: "Digest 'X' is a duplicate / DNS_CHECK name already specified - ignoring / Duplicate path - overwriting A with B",
  },
  check(ctx) {
    reportDuplicates(ctx, CHECKER_DUPLICATES);
  },
};
