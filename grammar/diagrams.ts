/** Writes docs/grammar.html: railroad diagrams of the keepalived.conf grammar (npm run diagrams). */
import { writeFileSync } from 'node:fs';
import { createSyntaxDiagramsCode } from 'chevrotain';
import { KeepalivedParser } from './parser.js';

const parser = new KeepalivedParser({ validate: true });
writeFileSync(new URL('../docs/grammar.html', import.meta.url), createSyntaxDiagramsCode(parser.getSerializedGastProductions()));
console.log('wrote docs/grammar.html');
