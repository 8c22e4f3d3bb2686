import type { Rule } from '../../rule.js';

/** Global lvs_sync_daemon plus an instance's lvs_sync_daemon_interface. */
export const lvsSyncDaemonConflict: Rule = {
  meta: {
    id: 'global/lvs-sync-daemon-conflict',
    severity: 'error',
    description: 'A vrrp_instance has `lvs_sync_daemon_interface` while global_defs already sets `lvs_sync_daemon`.',
    docs:
      '`lvs_sync_daemon_interface` in a vrrp_instance is the old way to configure the IPVS sync daemon. When global_defs has `lvs_sync_daemon`, keepalived reports the instance keyword (besides its deprecation) and ignores it; `keepalived -t` fails.\n\n```\nglobal_defs {\n    lvs_sync_daemon eth0 inst VI_1\n}\nvrrp_instance VI_1 {\n    lvs_sync_daemon_interface eth0     ! remove\n}\n```',
    keepalived: '(INSTANCE) lvs_sync_daemon_interface has already been specified as IF - ignoring',
  },
  check(ctx) {
    if (ctx.globalDefs.lvs_sync_daemon === undefined) return;
    for (const inst of ctx.instances()) {
      if (inst.body.lvs_sync_daemon_interface === undefined) continue;
      ctx.report({
        pointer: `${inst.pointer}/lvs_sync_daemon_interface`,
        at: 'keyword',
        message: `(${inst.name}) lvs_sync_daemon_interface conflicts with lvs_sync_daemon in global_defs; keepalived reports and ignores it`,
        hint: 'remove lvs_sync_daemon_interface; the global lvs_sync_daemon (with `inst NAME`) replaces it',
      });
    }
  },
};
