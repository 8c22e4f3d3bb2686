// Bundles the CLI into dist/ (ESM, split per command so each command loads only its code).
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: { entry: 'src/cli/entry.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  packages: 'bundle',
  external: ['raw-socket'],
  define: { KACONF_VERSION: JSON.stringify(pkg.version) },
  banner: {
    js: "import { createRequire as __kaconfCreateRequire } from 'node:module'; const require = __kaconfCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
  legalComments: 'none',
});
