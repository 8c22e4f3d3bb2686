/**
 * Mutations of real configs for fuzzing: deleted and duplicated lines, swapped tokens,
 * unbalanced braces, huge numbers, long lines, NUL bytes, invalid UTF-8, deep nesting.
 */
import fc from 'fast-check';

const SPECIAL = ['{', '}', '"', '!', '#', '\\', '$', '@lb1 ', '@^lb1 ', '~SEQ(i,1,3) ', '$X=', '${X}', 'include /nonexistent/*.conf'];

export type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-tokens'; at: number; with: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'huge-number'; at: number }
  | { kind: 'long-line'; at: number; length: number }
  | { kind: 'nul'; at: number }
  | { kind: 'bad-utf8'; at: number }
  | { kind: 'nest'; depth: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-tokens' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('huge-number' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('long-line' as const), at: fc.nat(), length: fc.integer({ min: 900, max: 5000 }) }),
  fc.record({ kind: fc.constant('nul' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('bad-utf8' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('nest' as const), depth: fc.integer({ min: 10, max: 10_000 }) }),
);

/** Apply mutations to a config; the result is bytes (some mutations make invalid UTF-8). */
export function mutate(text: string, mutations: Mutation[]): Buffer {
  let lines = text.split('\n');
  let bytes: Buffer | undefined;
  for (const m of mutations) {
    const i = lines.length === 0 ? 0 : ('at' in m ? m.at % lines.length : 0);
    switch (m.kind) {
      case 'delete-line':
        lines.splice(i, 1);
        break;
      case 'duplicate-line':
        lines.splice(i, 0, lines[i] ?? '');
        break;
      case 'swap-tokens': {
        const words = lines.join('\n').split(/(\s+)/);
        const a = (m.at % Math.max(1, words.length)) & ~1;
        const b = (m.with % Math.max(1, words.length)) & ~1;
        [words[a], words[b]] = [words[b] ?? '', words[a] ?? ''];
        lines = words.join('').split('\n');
        break;
      }
      case 'insert': {
        const l = lines[i] ?? '';
        const pos = m.at % (l.length + 1);
        lines[i] = l.slice(0, pos) + m.text + l.slice(pos);
        break;
      }
      case 'huge-number':
        lines[i] = (lines[i] ?? '').replace(/\d+/, '99999999999999999999999999999999');
        break;
      case 'long-line':
        lines[i] = `${lines[i] ?? ''} ${'x'.repeat(m.length)}`;
        break;
      case 'nul':
        lines[i] = `${lines[i] ?? ''}\0junk`;
        break;
      case 'nest':
        lines.push(...Array.from({ length: m.depth }, () => 'vrrp_instance X {'));
        break;
      case 'bad-utf8':
        bytes = Buffer.concat([Buffer.from(lines.join('\n')), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a])]);
        lines = bytes.toString('latin1').split('\n');
        break;
    }
  }
  return bytes && mutations[mutations.length - 1]?.kind === 'bad-utf8' ? bytes : Buffer.from(lines.join('\n'));
}
