#!/usr/bin/env -S node --max-semi-space-size=2 --heap-growing-percent=50
// The V8 flags above keep the heap small: a small young generation (the daemon, kaconf run,
// otherwise holds on to tens of MB of it after its start-up burst) and an old generation that
// grows by half, not double, before the next full collection (lint of a big file peaks lower).
// Started as `node bin/kaconf.js` instead of `kaconf`, pass the flags yourself
// (docs/performance.md).
// kaconf's entry point. `--version` is answered before anything else loads, so scripts that
// probe for kaconf pay only for Node's own start-up.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  try {
    await import('../dist/entry.js');
  } catch (e) {
    if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/entry.js')) {
      process.stderr.write("kaconf: not built yet: run 'npm ci' (or 'npm run build') in the kaconf checkout\n");
      process.exit(2);
    }
    throw e;
  }
}
