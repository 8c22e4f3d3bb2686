import type { Rule } from '../../rule.js';
import { globalStatements } from './util.js';

const SPECIFIC = ['vrrp_process_name', 'checker_process_name', 'lvs_process_name', 'bfd_process_name'];

/** process_names after a specific process name replaces it. */
export const processNamesOrder: Rule = {
  meta: {
    id: 'global/process-names-order',
    severity: 'warning',
    description: '`process_names` written after `vrrp_process_name`, `checker_process_name` or `bfd_process_name`, whose name it replaces.',
    docs:
      '`process_names` sets the default names `keepalived_vrrp`, `keepalived_lvs` and `keepalived_bfd` for the child processes. It simply overwrites whatever was set before, so a specific name written earlier is lost; one written after it wins.\n\n```\nglobal_defs {\n    vrrp_process_name ka_vrrp\n    process_names          ! ka_vrrp becomes keepalived_vrrp\n}\n```\n\nWrite `process_names` first (or leave it out: setting a specific name is enough for that process).',
  },
  check(ctx) {
    const stmts = globalStatements(ctx);
    stmts.forEach((n, i) => {
      if (n.keyword !== 'process_names') return;
      const lost = new Map<string, number>();
      for (const m of stmts.slice(0, i)) if (SPECIFIC.includes(m.keyword)) lost.set(m.keyword, m.keywordLoc.line);
      for (const m of stmts.slice(i + 1)) lost.delete(m.keyword === 'lvs_process_name' ? 'checker_process_name' : m.keyword);
      if (lost.size === 0) return;
      ctx.report({
        loc: n.keywordLoc,
        message: `\`process_names\` replaces the name${lost.size > 1 ? 's' : ''} set by ${[...lost].map(([k, l]) => `${k} (line ${l})`).join(', ')} with the default`,
        hint: 'move process_names before the specific names, or remove it',
      });
    });
  },
};
