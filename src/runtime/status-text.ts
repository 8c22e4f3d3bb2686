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
  }
  const unmatched = Object.entries(s.unmatched);
  if (unmatched.length) {
    lines.push('');
    for (const [iface, reasons] of unmatched) lines.push(`unmatched packets on ${iface}: ${Object.entries(reasons).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
