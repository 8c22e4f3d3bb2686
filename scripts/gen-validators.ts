/** Writes dist-gen/precompiled.js: standalone ajv validators of the Document schema for each known release. */
import standalone from 'ajv/dist/standalone/index.js';

// the CommonJS module's default export, however the loader presents it
const standaloneCode = ((standalone as unknown as { default?: unknown }).default ?? standalone) as (ajv: unknown, v: unknown) => string;
import { _ } from 'ajv/dist/compile/codegen/index.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { createAjv, compileValidator } from '../src/model/validate.js';
import { KNOWN_VERSIONS, parseVersion } from '../src/model/versions.js';

mkdirSync('dist-gen', { recursive: true });
const names: string[] = [];
for (const v of KNOWN_VERSIONS) {
  const ajv = createAjv({ source: true, esm: true, formats: _`__kaconfFormats` });
  const validate = compileValidator(parseVersion(v)!, ajv);
  const name = `v${v.replace(/\./g, '_')}`;
  const code = standaloneCode(ajv, validate).replace(
    /require\("ajv\/dist\/runtime\/([a-z0-9]+)"\)\.default/g,
    (_m: string, mod: string) => `(__kaconf_${mod}.default ?? __kaconf_${mod})`,
  );
  const runtime = [...new Set([...code.matchAll(/__kaconf_([a-z0-9]+)/g)].map((m) => m[1]!))];
  const header = [
    `import { FORMAT_DEFS as __kaconfFormats } from '../src/model/formats.ts';`,
    ...runtime.map((m) => `import __kaconf_${m} from 'ajv/dist/runtime/${m}.js';`),
  ].join('\n');
  if (/require\(/.test(code)) throw new Error(`generated validator for ${v} still requires a module`);
  // generated code nobody reads: minified (short names, no schema pretty-printing), less to load and keep at every run
  const { code: small } = transformSync(`${header}\n${code}`, { minify: true, format: 'esm', target: 'node20', legalComments: 'none' });
  writeFileSync(`dist-gen/${name}.js`, small);
  names.push(name);
}
writeFileSync(
  'dist-gen/precompiled.js',
  `export const PRECOMPILED = {\n${KNOWN_VERSIONS.map((v, i) => `  '${v}': async () => (await import('./${names[i]}.js')).default,`).join('\n')}\n};\n`,
);
console.log(`precompiled validators for ${KNOWN_VERSIONS.join(', ')}`);
