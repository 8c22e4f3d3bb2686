/** The string formats the schemas use (registered with ajv, and used by the precompiled validators). */
import { isIPv4, isIPv6 } from 'node:net';

const IFNAME = /^[^\s/:]{1,15}$/;
const HOSTNAME = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

/** keepalived drops a `/prefix` or `-range` suffix from some addresses without a word: accepted, the rest must be an address. */
function lax(check: (s: string) => boolean): (s: string) => boolean {
  return (s) => check(s.replace(/[/-][0-9a-fA-F:.]*$/, ''));
}

export const FORMATS: Record<string, (s: string) => boolean> = {
  ipv4: (s) => isIPv4(s),
  ipv6: (s) => isIPv6(s),
  ip: (s) => isIPv4(s) || isIPv6(s),
  'ip-or-host': (s) => isIPv4(s) || isIPv6(s) || HOSTNAME.test(s),
  ifname: (s) => IFNAME.test(s) && s !== '.' && s !== '..',
  'ipv4-lax': lax((s) => isIPv4(s)),
  'ipv6-lax': lax((s) => isIPv6(s)),
  'ip-lax': lax((s) => isIPv4(s) || isIPv6(s)),
};


/** The formats as ajv format definitions (the precompiled validators call `.validate`). */
export const FORMAT_DEFS: Record<string, { type: 'string'; validate: (s: string) => boolean }> = Object.fromEntries(
  Object.entries(FORMATS).map(([name, validate]) => [name, { type: 'string' as const, validate }]),
);
