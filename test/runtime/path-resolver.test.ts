import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { safePathResolver } from '../../engine/runtime/path-resolver.ts';

describe('the path resolver for conditions with a `path`', () => {
  const value = { ticket: { id: 'T-1', tags: ['a'] }, n: 0 };

  it('follows own properties by dot path, with or without a leading $', () => {
    expect(safePathResolver(value, '$.ticket.id')).toBe('T-1');
    expect(safePathResolver(value, 'ticket.id')).toBe('T-1');
    expect(safePathResolver(value, '.n')).toBe(0);
    expect(safePathResolver(value, '$.ticket.tags.0')).toBe('a');
  });

  it('never reaches through prototypes', () => {
    expect(safePathResolver(value, '$.__proto__')).toBeUndefined();
    expect(safePathResolver(value, '$.constructor.name')).toBeUndefined();
    expect(safePathResolver(value, '$.ticket.toString')).toBeUndefined();
    expect(safePathResolver(value, '$.ticket.tags.map')).toBeUndefined();
  });

  it('has no JSONPath filters or scripts', () => {
    expect(safePathResolver(value, "$..[?(@.id=='T-1')]")).toBeUndefined();
    expect(safePathResolver(value, '$.ticket[*]')).toBeUndefined();
  });

  it('is the resolver the engine uses for a path', async () => {
    const engine = new Engine([], { pathResolver: safePathResolver });
    engine.addRule({ conditions: { all: [{ fact: 'x', path: '$.constructor.name', operator: 'equal', value: 'Object' }] }, event: { type: 'hit' } });
    const { results } = await engine.run({ x: {} });
    expect(results).toEqual([]);
  });
});
