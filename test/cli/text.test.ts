// Terminal text: display widths, RTL isolates, aligned tables, wrapping.
import { describe, expect, it } from 'vitest';
import { isolateRtl, startsRightToLeft } from '../../cli/text/bidi.ts';
import { displayWidth } from '../../cli/text/display-width.ts';
import { renderTable } from '../../cli/text/table.ts';
import { wrapText } from '../../cli/text/wrap.ts';

describe('displayWidth', () => {
  it('counts ASCII, Cyrillic and Persian letters as one column each', () => {
    expect(displayWidth('first_response')).toBe(14);
    expect(displayWidth('Угода')).toBe(5);
    expect(displayWidth('پشتیبانی')).toBe(8);
  });

  it('counts wide characters as two and combining marks, isolates and colour codes as none', () => {
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('✅')).toBe(2);
    expect(displayWidth('✓')).toBe(1);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('\u2067سلام\u2069')).toBe(4);
    expect(displayWidth('\u001b[32mmet\u001b[39m')).toBe(3);
  });
});

describe('isolateRtl', () => {
  it('wraps each paragraph that starts right-to-left in RLI … PDI', () => {
    expect(isolateRtl('پشتیبانی رایگان')).toBe('\u2067پشتیبانی رایگان\u2069');
    expect(isolateRtl('۱. پشتیبانی\nFree support: ticket only')).toBe('\u2067۱. پشتیبانی\u2069\nFree support: ticket only');
  });

  it('leaves left-to-right text alone, even with RTL words inside', () => {
    expect(isolateRtl('plan پکیج')).toBe('plan پکیج');
    expect(isolateRtl('Угода')).toBe('Угода');
    expect(startsRightToLeft('2025 سال')).toBe(true);
  });
});

describe('renderTable', () => {
  it('aligns columns by display width, right-aligns numbers and has no trailing blanks', () => {
    const lines = renderTable(
      [{ header: 'id' }, { header: 'n', align: 'right' }, { header: 'note' }],
      [
        ['日本', '1', 'wide'],
        ['پشتیبانی', '100', ''],
      ],
      { indent: '' },
    );
    expect(lines).toEqual(['id          n  note', '日本        1  wide', '\u2067پشتیبانی\u2069  100']);
  });

  it('puts the lines of a multi-line cell under each other', () => {
    const lines = renderTable([{ header: 'id' }, { header: 'reasons' }], [['a', 'one\ntwo']], { indent: '' });
    expect(lines).toEqual(['id  reasons', 'a   one', '    two']);
  });
});

describe('wrapText', () => {
  it('wraps at word boundaries by display width and keeps paragraphs', () => {
    expect(wrapText('aaa bbb ccc\nddd', 7)).toEqual(['aaa bbb', 'ccc', 'ddd']);
    expect(wrapText('averyveryverylongword x', 5)).toEqual(['averyveryverylongword', 'x']);
  });
});
