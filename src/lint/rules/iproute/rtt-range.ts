import type { Rule } from '../../rule.js';
import { iprouteLines, whereText } from './lines.js';

const MIN_MS = 200;
const MAX_MS = 120_000;

/** Kernel units per millisecond of each route timer (rtt: 1/8 ms, rttvar: 1/4 ms, rto_min: 1 ms). */
const TIMERS: Record<string, number> = { rtt: 8, rttvar: 4, rto_min: 1 };

/**
 * A route timer as keepalived reads it, in kernel units: a bare number is already in them; with
 * `ms`/`msec(s)` or `s`/`sec(s)` (up to 3 decimals) it is converted. `unreadable` when keepalived
 * cannot read it (too large before conversion), undefined for what the schema already rejects.
 */
export function timerUnits(value: unknown, perMs: number): number | 'unreadable' | undefined {
  const limit = MAX_MS * perMs;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? (value > limit ? 'unreadable' : value) : undefined;
  if (typeof value !== 'string') return undefined;
  if (/^[0-9]+$/.test(value)) {
    const n = Number(value);
    return n > limit ? 'unreadable' : n;
  }
  let m = /^([0-9]+)[mM][sS]([eE][cC][sS]?)?$/.exec(value);
  if (m) {
    const ms = Number(m[1]);
    return ms > limit ? 'unreadable' : ms * perMs;
  }
  m = /^([0-9]+)(\.[0-9]{0,3})?[sS]([eE][cC][sS]?)?$/.exec(value);
  if (m) {
    const ms = Math.round(Number(`${m[1]}${m[2] ?? ''}`) * 1000);
    return ms > limit ? 'unreadable' : ms * perMs;
  }
  return undefined;
}

/** rtt, rttvar or rto_min of a route outside 200 ms - 120 s. */
export const rttRange: Rule = {
  meta: {
    id: 'iproute/rtt-range',
    severity: 'error',
    description: 'A route `rtt`, `rttvar` or `rto_min` outside 200 ms to 120 s.',
    docs:
      'The TCP timers of a route (`rtt`, `rttvar`, `rto_min`) must lie between 200 ms and 120 s (the kernel\'s limits for the retransmission timeout). A bare number is in the kernel\'s unit (1/8 ms for `rtt`, 1/4 ms for `rttvar`, 1 ms for `rto_min`); add `ms` or `s` to give milliseconds or seconds. keepalived replaces a value outside the range by the nearest limit: keepalived 2.3 reports it (`keepalived -t` fails), 2.2.7 only logs it. A value too large to read at all makes keepalived reject the route.\n\n' +
      '```\nvirtual_routes {\n    10.5.0.0/16 dev eth0 rtt 300ms       ! not rtt 10ms\n}\n```',
    keepalived: 'rtt value X below minimum 200ms, resetting / exceeds maximum 120s, resetting / Invalid rtt X for route',
  },
  check(ctx) {
    for (const l of iprouteLines(ctx)) {
      if (l.kind !== 'route') continue;
      for (const [timer, perMs] of Object.entries(TIMERS)) {
        const raw = l.value[timer];
        const units = timerUnits(raw, perMs);
        if (units === undefined) continue;
        const pointer = `${l.pointer}/${timer}`;
        if (units === 'unreadable') {
          ctx.report({
            pointer,
            message: `\`${timer} ${String(raw)}\` in ${whereText(l)} is too large for keepalived to read; it rejects the route`,
            hint: 'use a value up to 120s',
          });
          continue;
        }
        const low = units < MIN_MS * perMs;
        if (!low && units <= MAX_MS * perMs) continue;
        const reported = ctx.atLeast('2.3.0');
        ctx.report({
          pointer,
          severity: reported ? 'error' : 'warning',
          message: `\`${timer} ${String(raw)}\` in ${whereText(l)} is ${low ? 'below 200 ms' : 'above 120 s'}${typeof raw === 'number' || /^[0-9]+$/.test(String(raw)) ? ` (a bare number counts ${perMs === 1 ? 'milliseconds' : `1/${perMs} ms`})` : ''}; keepalived ${reported ? 'reports it and uses' : `${ctx.versionText} logs it and uses`} ${low ? '200ms' : '120s'}`,
          hint: low ? 'use at least 200ms' : 'use at most 120s',
        });
      }
    }
  },
};
