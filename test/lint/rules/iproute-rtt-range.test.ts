import { ruleTester } from '../../helpers/lint.js';

const route = (opts: string): string => `static_routes {\n  10.5.0.0/16 dev eth0 ${opts}\n}\n`;

ruleTester('iproute/rtt-range', {
  valid: [
    { name: 'rtt in milliseconds', code: route('rtt 200ms') },
    { name: 'rtt as a bare number of 1/8 ms', code: route('rtt 1600') },
    { name: 'rto_min in seconds with decimals', code: route('rto_min 0.2s') },
    { name: 'rttvar at the top of the range', code: route('rttvar 120s') },
  ],
  invalid: [
    { name: 'rtt below 200 ms', code: route('rtt 10ms'), lines: [2], messages: ['below 200 ms'] },
    { name: 'rtt below 200 ms (2.2.7 only logs)', version: '2.2.7', code: route('rtt 10ms'), lines: [2], messages: ['logs it'] },
    { name: 'a bare rtt counts 1/8 ms', code: route('rtt 1599'), lines: [2], messages: ['1/8 ms'] },
    { name: 'rto_min bare number is milliseconds', code: route('rto_min 150'), lines: [2] },
    { name: 'above 120 s', code: route('rtt 200s'), lines: [2], messages: ['above 120 s'] },
    { name: 'too large to read', code: route('rtt 1000s'), lines: [2], messages: ['rejects the route'] },
    { name: 'too large to read (2.2.7 too)', version: '2.2.7', code: route('rtt 1000s'), lines: [2] },
  ],
});
