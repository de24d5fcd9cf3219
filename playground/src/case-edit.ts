// Edits to the case made from the form, applied to its YAML text so that comments and layout of
// the rest survive; an edit to a case whose YAML does not parse is refused (the editor shows why).
import { isSeq, parseDocument, type Document } from 'yaml';
import { caseSource } from './state.ts';

export interface CaseValue {
  at?: string;
  plans?: Record<string, unknown>;
  facts?: Record<string, unknown>;
  events?: Record<string, unknown>[];
}

// the last text read: every view of a frame reads the same case (and scrubbing does not change it)
let last: { source: string; value: CaseValue | undefined } | undefined;

/** The case's value, or undefined when its YAML does not parse; treat it as read-only. */
export function caseValue(source: string): CaseValue | undefined {
  if (last?.source === source) return last.value;
  const doc = parseDocument(source);
  const v = doc.errors.length ? undefined : doc.toJS();
  last = { source, value: v && typeof v === 'object' ? v : undefined };
  return last.value;
}

function edit(change: (doc: Document) => void): void {
  const doc = parseDocument(caseSource.value);
  if (doc.errors.length) return;
  change(doc);
  caseSource.value = doc.toString({ flowCollectionPadding: true, lineWidth: 0 });
}

/** Sets a value (undefined removes it). */
export function setInCase(path: (string | number)[], value: unknown): void {
  edit((doc) => (value === undefined || value === '' ? doc.deleteIn(path) : doc.setIn(path, value)));
}

export function addEvent(event: Record<string, unknown>): void {
  edit((doc) => {
    const node = doc.createNode(event, { flow: true });
    if (isSeq(doc.get('events'))) doc.addIn(['events'], node);
    else doc.set('events', doc.createNode([node]));
  });
}

export function removeEvent(index: number): void {
  edit((doc) => doc.deleteIn(['events', index]));
}

/** Moves an event one place up (-1) or down (+1). */
export function moveEvent(index: number, by: -1 | 1): void {
  edit((doc) => {
    const seq = doc.get('events');
    if (!isSeq(seq)) return;
    const to = index + by;
    if (to < 0 || to >= seq.items.length) return;
    [seq.items[index], seq.items[to]] = [seq.items[to], seq.items[index]];
  });
}
