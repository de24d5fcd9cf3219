// Where the state comes from at start (a share link, else the last session) and where it goes:
// localStorage on every change, the URL fragment when a link is asked for.
import { batch, effect } from '@preact/signals';
import { bundledPolicies } from './bundled.ts';
import { decodeState, encodeState, ENGINE_VERSION, SCHEMA_VERSION, type SharedState } from './share.ts';
import { caseSource, caseView, lang, notice, policyFormat, policyId, policySource } from './state.ts';

const STORAGE_KEY = 'sla-playground';
const FRAGMENT = /^#s=(.+)$/;

export function snapshot(): SharedState {
  const bundled = bundledPolicies.find((p) => p.id === policyId.value);
  const edited = !bundled || bundled.sources[policyFormat.value] !== policySource.value;
  return {
    engine: ENGINE_VERSION,
    schema: SCHEMA_VERSION,
    policy: { id: policyId.value, format: policyFormat.value, ...(edited ? { source: policySource.value } : {}) },
    case: caseSource.value,
    lang: lang.value,
    view: caseView.value,
  };
}

function apply(s: SharedState) {
  const bundled = bundledPolicies.find((p) => p.id === s.policy.id);
  const source = s.policy.source ?? bundled?.sources[s.policy.format];
  if (source === undefined) {
    notice.value = `the link names a policy \`${s.policy.id}\` this playground does not have, and carries no source`;
    return;
  }
  batch(() => {
    policyId.value = bundled ? s.policy.id : '';
    policyFormat.value = s.policy.format;
    policySource.value = source;
    caseSource.value = s.case;
    lang.value = s.lang;
    caseView.value = s.view;
  });
  if (s.engine !== ENGINE_VERSION || s.schema !== SCHEMA_VERSION)
    notice.value = `this state was saved by engine ${s.engine} (schema ${s.schema}); this playground runs engine ${ENGINE_VERSION} (schema ${SCHEMA_VERSION}), so answers may differ`;
}

/** Restores the state from the link, else from the last session; then keeps saving it. */
export function restore(): void {
  const link = FRAGMENT.exec(location.hash);
  const saved = link ? link[1] : localStorage.getItem(STORAGE_KEY);
  if (saved) {
    const s = decodeState(saved);
    if ('error' in s) notice.value = link ? s.error : undefined;
    else apply(s);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  effect(() => {
    const text = encodeState(snapshot());
    clearTimeout(timer);
    timer = setTimeout(() => localStorage.setItem(STORAGE_KEY, text), 300);
  });
}

/** The link that reproduces the current state; the address bar shows it too. */
export function shareLink(): string {
  const url = new URL(location.href);
  url.hash = `s=${encodeState(snapshot())}`;
  history.replaceState(null, '', url);
  return url.href;
}

/** Offers `text` as a file download. */
export function download(name: string, text: string, type = 'text/plain'): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}
