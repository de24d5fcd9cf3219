// `any` holds simple conditions only. Written inside another `any`, the schema's own errors read
// as a puzzle (a missing `event`, an unknown `any`, "must match a schema in anyOf"); one error
// that says what is wrong replaces them.
import { nestedAny, type Diagnostic } from '../diagnostics/index.ts';
import { pointerPart } from '../ir/json-pointer.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Pointers of `any` groups and of the `any` items nested in them. */
function nestedAnys(value: unknown, path = '', out: { outer: string; inner: string }[] = []): { outer: string; inner: string }[] {
  if (Array.isArray(value)) value.forEach((v, i) => nestedAnys(v, `${path}/${i}`, out));
  else if (isObject(value)) {
    if (Array.isArray(value.any))
      value.any.forEach((item, i) => {
        if (isObject(item) && 'any' in item) out.push({ outer: path, inner: `${path}/any/${i}` });
      });
    for (const [k, v] of Object.entries(value)) nestedAnys(v, `${path}/${pointerPart(k)}`, out);
  }
  return out;
}

export function explainNestedAny(policy: unknown, diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length === 0) return diagnostics;
  const nested = nestedAnys(policy);
  if (nested.length === 0) return diagnostics;
  const within = (d: Diagnostic) => nested.some(({ outer }) => d.path === outer || d.path?.startsWith(`${outer}/`));
  return [...diagnostics.filter((d) => !within(d)), ...nested.map(({ inner }) => nestedAny(inner))];
}
