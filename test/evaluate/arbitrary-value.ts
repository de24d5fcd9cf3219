// A random value of a declared fact or event attribute, for the property tests that build cases.
import fc from 'fast-check';

type Decl = { type: string; enum?: (string | number | boolean)[] };

/** `percent`: the policy reads it as a percentage, so it lies in 0–100 (often on the bounds, or tied). */
export const arbitraryValue = (d: Decl, percent = false): fc.Arbitrary<string | number | boolean> =>
  d.enum
    ? fc.constantFrom(...d.enum)
    : percent
      ? fc.oneof(fc.constantFrom(0, 15, 25, 100), d.type === 'integer' ? fc.integer({ min: 0, max: 100 }) : fc.double({ min: 0, max: 100, noNaN: true }))
      : d.type === 'boolean'
        ? fc.boolean()
        : d.type === 'string'
          ? fc.constantFrom('A', 'B', 'C')
          : d.type === 'integer'
            ? fc.integer({ min: 0, max: 70_000 })
            : fc.double({ min: 0, max: 5000, noNaN: true });
