import type { Rule } from '../../rule.js';

/** global lvs_sync_daemon naming an instance that does not exist. */
export const lvsSyncDaemonInstance: Rule = {
  meta: {
    id: 'refs/lvs-sync-daemon-instance',
    severity: 'warning',
    description: '`lvs_sync_daemon` in global_defs names a vrrp_instance that does not exist.',
    docs:
      '`lvs_sync_daemon IFNAME [inst] VRRP_INSTANCE` runs the IPVS connection sync daemon as master or backup following the state of that instance. keepalived looks the instance up when it starts; if there is none it reports it and clears the whole lvs_sync_daemon setting, so no connection state is synchronised. `keepalived -t` does not get that far and passes.\n\n```\nglobal_defs {\n    lvs_sync_daemon eth0 VI_1 id 51     ! VI_1 must be a vrrp_instance\n}\n```',
    keepalived: 'Unable to find vrrp instance VI_9 for lvs_syncd - clearing lvs_syncd config (at startup)',
  },
  check(ctx) {
    const v = ctx.globalDefs.lvs_sync_daemon as { inst?: unknown } | undefined;
    if (!v || typeof v !== 'object' || typeof v.inst !== 'string') return;
    if (ctx.instances().some((i) => i.name === v.inst)) return;
    ctx.report({
      pointer: ctx.has('/global_defs/lvs_sync_daemon/inst') ? '/global_defs/lvs_sync_daemon/inst' : '/global_defs/lvs_sync_daemon',
      message: `lvs_sync_daemon follows vrrp_instance ${v.inst}, which is not defined; keepalived clears the sync daemon setting when it starts`,
      hint: 'name an existing vrrp_instance',
    });
  },
};
