/**
 * Keywords written twice where keepalived reports the second one (so `keepalived -t` fails),
 * shared by the ipvs and checker families.
 */
import type { Duplicate } from '../../../model/build.js';
import type { RuleContext } from '../../context.js';

export interface ReportedDuplicate {
  /** a regular expression over the pointer, array indexes written as N */
  pattern: RegExp;
  /** first release that reports it (older ones replace silently) */
  since?: string;
  /** which one keepalived keeps */
  keeps: 'first' | 'last' | 'none';
  /** what keepalived does, for the message */
  effect?: string;
}

const N = String.raw`\d+`;
const RS = String.raw`/virtual_server/${N}/real_server/${N}`;
const CK = (types: string): string => String.raw`${RS}/(?:${types})/${N}`;

export const IPVS_DUPLICATES: ReportedDuplicate[] = [
  { pattern: new RegExp(String.raw`^/virtual_server/${N}/(quorum_up|quorum_down)$`), keeps: 'first' },
  { pattern: new RegExp(String.raw`^${RS}/(notify_up|notify_down)$`), keeps: 'first' },
  { pattern: new RegExp(String.raw`^/virtual_server/${N}/(virtualhost|snmp_name)$`), since: '2.2.8', keeps: 'last' },
  { pattern: new RegExp(String.raw`^${RS}/(virtualhost|snmp_name)$`), since: '2.2.8', keeps: 'last' },
  { pattern: /^\/SSL$/, keeps: 'last', effect: 'keepalived reports it and this block replaces the whole first one' },
  { pattern: /^\/SSL\/(password|ca|certificate|key)$/, keeps: 'last' },
];

export const CHECKER_DUPLICATES: ReportedDuplicate[] = [
  { pattern: new RegExp(String.raw`^${CK('HTTP_GET|SSL_GET')}/virtualhost$`), since: '2.2.8', keeps: 'last' },
  { pattern: new RegExp(String.raw`^${CK('HTTP_GET|SSL_GET')}/url/${N}/(path|virtualhost|regex)$`), since: '2.2.8', keeps: 'last' },
  { pattern: new RegExp(String.raw`^${CK('HTTP_GET|SSL_GET')}/url/${N}/digest$`), keeps: 'first' },
  { pattern: new RegExp(String.raw`^${CK('SMTP_CHECK')}/helo_name$`), since: '2.2.8', keeps: 'last' },
  { pattern: new RegExp(String.raw`^${CK('DNS_CHECK')}/name$`), keeps: 'first' },
  { pattern: new RegExp(String.raw`^${CK('BFD_CHECK')}/name$`), keeps: 'none', effect: 'keepalived reports it and removes the whole BFD_CHECK' },
];

/** Report the duplicates of a table that the selected release reports. */
export function reportDuplicates(ctx: RuleContext, table: ReportedDuplicate[]): void {
  for (const d of ctx.model.duplicates as Duplicate[]) {
    const entry = table.find((t) => t.pattern.test(d.pointer));
    if (!entry) continue;
    if (entry.since && !ctx.atLeast(entry.since)) continue;
    const effect =
      entry.effect ??
      (entry.keeps === 'first' ? 'keepalived reports it, keeps the first one and ignores this one' : 'keepalived reports it and this one replaces the first');
    ctx.report({
      loc: d.again,
      message: `\`${d.keyword}\` is given again (first on line ${d.first.line}); ${effect}`,
      hint: 'keep only one of them',
    });
  }
}
