/** The lexer and parser kaconf runs skip Chevrotain's validations at start-up: they are made here. */
import { Lexer } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { allTokens, LEXER_CONFIG } from '../../grammar/lexer.js';
import { KeepalivedParser } from '../../grammar/parser.js';

describe('grammar', () => {
  it('the token definitions pass the lexer validations, with the first-char optimisation', () => {
    const lexer = new Lexer(allTokens, { ...LEXER_CONFIG, skipValidations: false });
    expect(lexer.lexerDefinitionErrors).toEqual([]);
    expect(lexer.tokenize('vrrp_instance VI_1 { ! comment\n  priority "100" }\n').errors).toEqual([]);
  });

  it('the grammar passes the parser validations', () => {
    expect(() => new KeepalivedParser({ validate: true })).not.toThrow();
  });
});
