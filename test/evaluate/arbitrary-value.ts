// A random value of a declared fact or event attribute, for the property tests that build cases.
import fc from 'fast-check';

type Decl = { type: string; enum?: (string | number | boolean)[] };

export const arbitraryValue = (d: Decl): fc.Arbitrary<string | number | boolean> =>
  d.enum
    ? fc.constantFrom(...d.enum)
    : d.type === 'boolean'
      ? fc.boolean()
      : d.type === 'string'
        ? fc.constantFrom('A', 'B', 'C')
        : d.type === 'integer'
          ? fc.integer({ min: 0, max: 70_000 })
          : fc.double({ min: 0, max: 5000, noNaN: true });
