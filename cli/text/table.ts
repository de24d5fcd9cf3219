// Plain-text tables aligned by display width. A cell may hold several lines (e.g. reasons).
import { displayWidth, padEnd, padStart } from './display-width.ts';
import { isolateRtl } from './bidi.ts';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** colours a cell after padding (so escape codes never count towards the width) */
  paint?: (padded: string, raw: string) => string;
}

export interface TableOptions {
  indent?: string;
  paintHeader?: (s: string) => string;
}

export function renderTable(columns: Column[], rows: string[][], options: TableOptions = {}): string[] {
  const indent = options.indent ?? '  ';
  const cells = rows.map((row) => row.map((cell) => isolateRtl(cell).split('\n')));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...cells.map((row) => Math.max(0, ...row[i].map(displayWidth)))));
  const last = columns.length - 1;
  const pad = (text: string, i: number) => {
    if (i === last && columns[i].align !== 'right') return text; // no trailing blanks
    return columns[i].align === 'right' ? padStart(text, widths[i]) : padEnd(text, widths[i]);
  };
  const header = columns.map((c, i) => pad(c.header, i)).join('  ');
  const out = [indent + (options.paintHeader ?? ((s: string) => s))(header)];
  for (const row of cells) {
    const height = Math.max(...row.map((lines) => lines.length));
    for (let l = 0; l < height; l++) {
      const line = columns.map((c, i) => {
        const raw = row[i][l] ?? '';
        const padded = pad(raw, i);
        return c.paint && raw !== '' ? c.paint(padded, raw) : padded;
      });
      out.push(indent + line.join('  ').trimEnd());
    }
  }
  return out;
}
