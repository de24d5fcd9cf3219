// A chunk's answers as NDJSON lines in one buffer: each line is its text in UTF-8 and a newline,
// whatever the characters and whatever buffer it was given to fill.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { LineEncoder } from '../../cli/batch/encode-lines.ts';

it('encodes each text as its UTF-8 line, in a spare buffer (or one of the size given) when it fits and in a larger one when not', () => {
  fc.assert(
    fc.property(
      fc.array(fc.option(fc.string({ unit: 'grapheme', maxLength: 60 }), { nil: null }), { maxLength: 12 }),
      fc.nat(200),
      fc.boolean(),
      (texts, spareSize, given) => {
        const spare = given ? new ArrayBuffer(spareSize) : undefined;
        const lines = new LineEncoder(spare, spareSize);
        for (const t of texts) lines.add(t);
        const { bytes, ends } = lines.finish();
        const decoder = new TextDecoder();
        // the oracle: each text encoded alone
        expect(texts.map((t, i) => decoder.decode(bytes.subarray(i ? ends[i - 1] : 0, ends[i])))).toEqual(texts.map((t) => (t === null ? '' : `${t}\n`)));
        expect(bytes.length).toBe(texts.reduce((n, t) => n + (t === null ? 0 : new TextEncoder().encode(t).length + 1), 0));
        if (bytes.buffer === spare) expect(spare.byteLength).toBeGreaterThanOrEqual(bytes.length);
      },
    ),
    { seed: 1081, numRuns: 300 },
  );
});
