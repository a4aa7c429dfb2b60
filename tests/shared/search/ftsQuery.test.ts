import { describe, expect, it } from 'vitest';
import { buildFtsQuery, tokenizeQuery } from '../../../shared/search/ftsQuery';

describe('building a safe FTS5 query from what a person typed', () => {
  it('requires every word and lets the last one match as a prefix', () => {
    expect(buildFtsQuery('troops cross')).toBe('"troops" AND "cross"*');
  });

  it('keeps quoted phrases together and does not prefix them', () => {
    expect(buildFtsQuery('"border crossing" troops')).toBe('"border crossing" AND "troops"*');
    expect(buildFtsQuery('troops "border crossing"')).toBe('"troops" AND "border crossing"');
  });

  it('treats FTS5 operators and punctuation as plain text', () => {
    expect(buildFtsQuery('NOT')).toBe('"NOT"*');
    expect(buildFtsQuery('a OR b')).toBe('"a" AND "OR" AND "b"*');
    expect(buildFtsQuery('col:value')).toBe('"col value"*');
    expect(buildFtsQuery('(x')).toBe('"x"*');
    expect(buildFtsQuery('-x')).toBe('"x"*');
  });

  it('returns null when nothing is searchable', () => {
    for (const input of ['', '   ', '*', '"', '""', '()', '- - -', '\n\t']) expect(buildFtsQuery(input)).toBeNull();
  });

  it('keeps non-Latin words whole', () => {
    expect(buildFtsQuery('القوات')).toBe('"القوات"*');
    expect(buildFtsQuery('חיילים')).toBe('"חיילים"*');
  });

  it('splits an unterminated quote as ordinary words', () => {
    expect(tokenizeQuery('"border crossing').map((t) => t.text)).toEqual(['border', 'crossing']);
  });
});
