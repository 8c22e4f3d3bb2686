/** `--format sarif`: SARIF 2.1.0, with the metadata of every rule that has a result (GitHub code scanning reads it). */
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleById } from '../rules/index.js';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Reporter } from './types.js';

function uri(file: string): string {
  const rel = relative(process.cwd(), file);
  if (rel && !rel.startsWith('..') && !rel.startsWith('/')) return rel.split('\\').join('/');
  return pathToFileURL(file).href;
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export const sarifReporter: Reporter = ({ results, version }) => {
  const ids = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.rule)))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules: ReportingDescriptor[] = ids.map((id) => {
    const meta = ruleById(id)?.meta;
    return {
      id,
      name: id.replace(/[/-](.)/g, (_m, c: string) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase()),
      shortDescription: { text: meta?.description ?? id },
      fullDescription: { text: meta?.description ?? id },
      help: { text: meta?.docs ?? '', markdown: meta?.docs ?? '' },
      defaultConfiguration: { level: LEVEL[meta?.severity ?? 'warning'] },
    };
  });
  const doc: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kaconf',
            semanticVersion: version,
            informationUri: 'https://github.com/kaconf/kaconf',
            rules,
          },
        },
        results: results.flatMap((r) =>
          r.diagnostics.map((d): Result => ({
            ruleId: d.rule,
            ruleIndex: index.get(d.rule)!,
            level: LEVEL[d.severity],
            message: { text: d.hint ? `${d.message}. Fix: ${d.hint}` : d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: uri(d.loc.file) },
                  region: { startLine: d.loc.line, startColumn: d.loc.column, endLine: d.loc.endLine, endColumn: Math.max(d.loc.endColumn, d.loc.column + 1) },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(doc, null, 2) + '\n';
};
