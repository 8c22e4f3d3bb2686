/** `kaconf status --format text`: one block per instance. */
import type { Status } from './daemon.js';

export function statusText(s: Status): string {
  const lines: string[] = [];
  lines.push(`kaconf run pid ${s.pid}, up since ${s.startedAt}, plan ${s.plan.file} (sha256 ${s.plan.sha256.slice(0, 12)})`);
  for (const i of s.instances) {
    lines.push('');
    lines.push(`${i.name}: ${i.state}  (VRID ${i.vrid}, VRRPv${i.version}, ${i.interface}${i.syncGroup ? `, group ${i.syncGroup}` : ''})`);
    lines.push(`  priority           ${i.effectivePriority} (configured ${i.priority})`);
    lines.push(`  master             ${i.masterAddress ?? '-'}${i.state === 'MASTER' ? ' (this host)' : ''}`);
    lines.push(`  adverts            ${i.advertsSent} sent, ${i.advertsReceived} received`);
    const invalid = Object.entries(i.invalid);
    lines.push(`  invalid packets    ${invalid.length ? invalid.map(([k, n]) => `${k} ${n}`).join(', ') : 'none'}`);
    lines.push(`  last transition    ${i.lastTransition ? `${i.lastTransition.from} -> ${i.lastTransition.to} at ${i.lastTransition.at}` : '-'}`);
    if (i.faults.length) lines.push(`  faults             ${i.faults.join(', ')}`);
    if (i.vipsMissing?.length) lines.push(`  VIPs missing       ${i.vipsMissing.join(', ')} (adding failed; tried again every advert interval)`);
  }
  if (s.ipvs) {
    for (const v of s.ipvs.virtualServers) {
      lines.push('');
      lines.push(`virtual server ${v.name}: quorum ${v.quorumUp ? 'up' : 'down'}  (${v.scheduler}, ${v.forwarding}; live weight ${v.aliveWeight}, quorum ${v.quorum}, hysteresis ${v.hysteresis})`);
      lines.push(`  services           ${v.services.join(', ')}`);
      if (v.sorryServer) lines.push(`  sorry server       ${v.sorryServer.name} ${v.sorryServer.active ? `standing in (weight ${v.sorryServer.weight ?? '-'})` : v.sorryServer.weight !== null ? `inhibited (weight ${v.sorryServer.weight})` : 'not in the pool'}`);
      for (const r of v.realServers) {
        const w = r.weight === null ? 'not in IPVS' : `weight ${r.weight}`;
        lines.push(`  real server ${r.name}: ${r.alive ? 'UP' : 'DOWN'}  (${w}; configured ${r.configuredWeight}${r.effectiveWeight !== r.configuredWeight ? `, effective ${r.effectiveWeight}` : ''}${r.inhibitOnFailure ? ', inhibit_on_failure' : ''})`);
        for (const c of r.checkers) {
          const last = c.last ? `${c.last.ok ? 'ok' : 'failed'} at ${c.last.at}: ${c.last.message}` : 'not run yet';
          lines.push(`    ${c.type.padEnd(10)} ${c.target}  ${c.up ? 'up' : 'down'}; last: ${last}`);
        }
      }
    }
    lines.push('');
    lines.push(`IPVS driver: ${s.ipvs.driver === 'record' ? 'record (commands written to a file, the kernel untouched)' : 'ipvsadm'}`);
  }
  const unmatched = Object.entries(s.unmatched);
  if (unmatched.length) {
    lines.push('');
    for (const [iface, reasons] of unmatched) lines.push(`unmatched packets on ${iface}: ${Object.entries(reasons).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
