import type { Rule } from '../../rule.js';
import { trackItems } from '../vrrp/tracking.js';

/** A vrrp_script no instance or sync group tracks. */
export const unusedScript: Rule = {
  meta: {
    id: 'refs/unused-script',
    severity: 'warning',
    description: 'A vrrp_script that no vrrp_instance or vrrp_sync_group tracks.',
    docs:
      'A vrrp_script only runs for the instances and sync groups whose `track_script` names it. keepalived reports an unused script when it starts ("script is not used") and removes it; `keepalived -t` does not get that far. Usually the `track_script` entry is missing, misspelt, or placed above the script\'s definition. (The script still counts for the script-security check.)\n\n```\nvrrp_script chk {\n    script "/usr/bin/pidof haproxy"\n}\nvrrp_instance VI_1 {\n    track_script {\n        chk          ! without this the script never runs\n    }\n}\n```',
    keepalived: 'Warning - script chk is not used (at startup)',
  },
  check(ctx) {
    const used = new Set(trackItems(ctx).filter((t) => t.kind === 'track_script' && !t.missing).map((t) => t.name));
    if (ctx.instances().length === 0) return;
    for (const s of ctx.named('vrrp_script')) {
      if (used.has(s.name) || typeof s.body.script !== 'string') continue;
      const late = trackItems(ctx).some((t) => t.kind === 'track_script' && t.name === s.name);
      ctx.report({
        pointer: s.pointer,
        message: late ? `vrrp_script ${s.name} is only named by track_script entries above its definition, which keepalived cannot resolve; it is unused` : `vrrp_script ${s.name} is not tracked by any vrrp_instance or vrrp_sync_group; keepalived removes it`,
        hint: late ? 'move the vrrp_script above the instances that track it' : 'add it to a `track_script` block, or remove it',
      });
    }
  },
};
