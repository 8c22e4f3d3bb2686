import type { Rule } from '../../rule.js';
import { globalStatements } from './util.js';

const SPECIFIC = ['vrrp_process_name', 'checker_process_name', 'lvs_process_name', 'bfd_process_name'];

/** Two keepalived processes given the same name. */
export const processNameShared: Rule = {
  meta: {
    id: 'global/process-name-shared',
    severity: 'warning',
    description: 'Two keepalived processes (parent, VRRP, checker, BFD) are given the same process name.',
    docs:
      'Process names tell keepalived\'s processes apart in `ps`, `top` and monitoring; keepalived does not check that they differ. Two processes with the same name defeat the purpose and confuse scripts that signal or watch a process by name.\n\n```\nglobal_defs {\n    vrrp_process_name keepalived\n    checker_process_name keepalived     ! same name\n}\n```',
  },
  check(ctx) {
    const names = new Map<string, { kw: string; line: number }>();
    const effective = new Map<string, { name: string; loc: (typeof stmts)[number]['keywordLoc'] }>();
    const stmts = globalStatements(ctx);
    for (const n of stmts) {
      const slot = n.keyword === 'lvs_process_name' ? 'checker_process_name' : n.keyword;
      if (n.keyword === 'process_names') {
        for (const [k, v] of [
          ['vrrp_process_name', 'keepalived_vrrp'],
          ['checker_process_name', 'keepalived_lvs'],
          ['bfd_process_name', 'keepalived_bfd'],
        ] as const)
          effective.set(k, { name: v, loc: n.keywordLoc });
      } else if ((slot === 'process_name' || SPECIFIC.includes(slot)) && n.args[0]) effective.set(slot, { name: n.args[0].slice(0, 15), loc: n.keywordLoc });
    }
    for (const [kw, { name, loc }] of [...effective].sort((a, b) => a[1].loc.line - b[1].loc.line)) {
      const other = names.get(name);
      if (other) {
        ctx.report({
          loc,
          message: `\`${kw}\` gives the name ${name} that \`${other.kw}\` (line ${other.line}) already gives another process`,
          hint: 'give every process its own name',
        });
      } else names.set(name, { kw, line: loc.line });
    }
  },
};
