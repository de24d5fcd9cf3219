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

export function caseValue(source: string): CaseValue | undefined {
  const doc = parseDocument(source);
  if (doc.errors.length) return undefined;
  const v = doc.toJS();
  return v && typeof v === 'object' ? v : undefined;
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
