// Bundles the CLI into dist/ (ESM, split per command so each command loads only its code).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });

// precompile the schema validators of the known keepalived releases (dist-gen/)
const gen = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-validators.ts'], { stdio: 'inherit' });
if (gen.status !== 0) process.exit(gen.status ?? 1);

/** Put the generated validators where the sources have an empty placeholder. */
const precompiled = {
  name: 'kaconf-precompiled',
  setup(b) {
    b.onResolve({ filter: /\/precompiled\.js$/ }, (args) =>
      args.importer.endsWith('src/model/validate.ts') ? { path: resolve('dist-gen/precompiled.js') } : undefined,
    );
  },
};

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
  plugins: [precompiled],
  logLevel: 'warning',
  legalComments: 'none',
  minify: process.env.KACONF_NO_MINIFY ? false : true,
});
