// Share and keep: the link that reproduces this state, and downloads of the policy, case and answer.
import { useState } from 'preact/hooks';
import { download, shareLink } from '../persist.ts';
import { answer, caseSource, notice, policyFormat, policyId, policySource } from '../state.ts';

export function Toolbar() {
  const [link, setLink] = useState<string>();
  const name = policyId.value || 'policy';
  async function share() {
    const url = shareLink();
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // no clipboard permission: the link is shown to copy by hand
    }
  }
  return (
    <>
      <span class="toolbar">
        <button onClick={share}>share link</button>
        <button onClick={() => download(`${name}.${policyFormat.value === 'dsl' ? 'sla' : 'yaml'}`, policySource.value)}>download policy</button>
        <button onClick={() => download('case.yaml', caseSource.value)}>download case</button>
        <button disabled={!answer.value} onClick={() => download('answer.json', `${JSON.stringify(answer.value, null, 2)}\n`, 'application/json')}>
          download answer
        </button>
      </span>
      {link && <input class="share" aria-label="share link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />}
      {notice.value && (
        <p class="note notice" role="status">
          {notice.value}
        </p>
      )}
    </>
  );
}
