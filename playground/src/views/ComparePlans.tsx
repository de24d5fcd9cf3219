// Plan vs plan: the case under every option of one plan dimension, side by side, rows where the
// options disagree highlighted.
import { useEffect, useState } from 'preact/hooks';
import { comparePlans } from '../engine-client.ts';
import { caseSource, declarations, lang, policyFormat, policySource } from '../state.ts';
import type { CompareResult } from '../worker/protocol.ts';
import { answerLines } from './answer-lines.ts';

export function ComparePlans() {
  const dims = Object.keys(declarations.value?.plans ?? {});
  const [dim, setDim] = useState<string>();
  const dimension = dim && dims.includes(dim) ? dim : dims[0];
  const [result, setResult] = useState<CompareResult>();
  const policy = policySource.value;
  const format = policyFormat.value;
  const kase = caseSource.value;
  const language = lang.value;
  useEffect(() => {
    if (!dimension) return;
    const timer = setTimeout(async () => {
      const r = await comparePlans({ kind: 'compare', policy: { source: policy, format }, case: kase, dimension, lang: language });
      if (r) setResult(r);
    }, 150);
    return () => clearTimeout(timer);
  }, [policy, format, kase, language, dimension]);
  if (!dimension) return <p class="note">this policy has no plans to compare</p>;
  const columns = result?.options ?? [];
  const byOption = columns.map((o) => (o.answer ? answerLines(o.answer) : new Map<string, string>()));
  const keys = [...new Set(byOption.flatMap((m) => [...m.keys()]))];
  return (
    <div class="tables" data-testid="compare">
      <label>
        Compare{' '}
        <select aria-label="plan dimension" value={dimension} onChange={(e) => setDim(e.currentTarget.value)}>
          {dims.map((d) => (
            <option value={d}>{d}</option>
          ))}
        </select>
      </label>
      <table class="answers compare">
        <thead>
          <tr>
            <th>item</th>
            {columns.map((o) => (
              <th>{o.option}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => {
            const cells = byOption.map((m) => m.get(k) ?? '—');
            return (
              <tr class={new Set(cells).size > 1 ? 'differs' : ''} data-item={k}>
                <td>{k}</td>
                {cells.map((c) => (
                  <td>{c}</td>
                ))}
              </tr>
            );
          })}
          {columns.some((o) => !o.answer) && (
            <tr>
              <td>problems</td>
              {columns.map((o) => (
                <td class="reasons">{o.diagnostics.map((d) => d.message).join('; ')}</td>
              ))}
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
