import type { Rule } from '../../rule.js';
import { instanceFacts, type InstanceFacts } from './facts.js';

function versionReason(f: InstanceFacts, globalVersion: boolean): string {
  if (f.versionWritten) return `version ${f.version}`;
  if (f.family === 'IPv6') return 'an IPv6 instance, so VRRPv3';
  if (globalVersion) return `global vrrp_version ${f.version}`;
  return 'VRRPv2 by default';
}

/** advert_int that does not fit the instance's VRRP version: whole seconds (v2), 10 ms steps below 40.96 s (v3). */
export const advertInt: Rule = {
  meta: {
    id: 'vrrp/advert-int',
    severity: 'error',
    description: '`advert_int` that the instance\'s VRRP version cannot carry.',
    docs:
      'The advert interval travels in the VRRP packet: VRRPv2 (RFC 3768) carries whole seconds (1-255), VRRPv3 (RFC 5798) carries centiseconds in 12 bits (0.01-40.95 s). keepalived reads `advert_int` with up to 6 decimals, then, once it knows the version (`version`, IPv6 → 3, else global `vrrp_version`, default 2), reports and rounds a value the version cannot send:\n\n' +
      '- VRRPv2: not a whole number → rounded to the nearest second (at least 1);\n' +
      '- VRRPv3: 40.96 s or more → 40.95 s; not a multiple of 10 ms → rounded to 10 ms.\n\n' +
      'Each of these makes `keepalived -t` fail.\n\n' +
      '```\nvrrp_instance VI_1 {\n    advert_int 0.5     ! needs version 3\n    version 3\n}\n```',
    keepalived: '(VI_1) VRRPv2 advertisement interval must be an integer / VRRPv3 advertisement interval out of range / must be in units of 10ms',
  },
  check(ctx) {
    const globalVersion = ctx.globalDefs.vrrp_version !== undefined;
    for (const f of instanceFacts(ctx)) {
      const v = f.body.advert_int;
      if (typeof v !== 'number' || !(v >= 0.01 && v <= 255)) continue;
      const us = Math.round(v * 1e6);
      const pointer = `${f.pointer}/advert_int`;
      const why = versionReason(f, globalVersion);
      if (f.version === 2) {
        if (us % 1_000_000 === 0) continue;
        const rounded = Math.max(1, Math.floor((us + 500_000) / 1_000_000));
        ctx.report({
          pointer,
          message: `advert_int ${v} is not a whole number of seconds, which VRRPv2 needs (${why}); keepalived rounds it to ${rounded}`,
          hint: `write a whole number of seconds, or use \`version 3\` for sub-second adverts`,
        });
        continue;
      }
      if (us >= 40_960_000) {
        ctx.report({
          pointer,
          message: `advert_int ${v} is too long for VRRPv3 (${why}), which carries at most 40.95 s; keepalived uses 40.95`,
          hint: 'use at most 40.95 s, or VRRPv2 (`version 2`) for longer intervals',
        });
        continue;
      }
      if (us % 10_000 !== 0) {
        let r = Math.floor((us + 5_000) / 10_000) * 10_000;
        if (r === 0) r = 10_000;
        ctx.report({
          pointer,
          message: `advert_int ${v} is not a multiple of 10 ms, which VRRPv3 needs (${why}); keepalived rounds it to ${r / 1e6}`,
          hint: 'use at most two decimal places',
        });
      }
    }
  },
};
