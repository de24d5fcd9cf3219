// The case as a form built from the policy's declarations: the instant asked about, plans, facts,
// and the events, each added, moved or removed with a click.
import { useState } from 'preact/hooks';
import type { AttributeDecl, FactDecl } from '../../../engine/ir/schema.ts';
import { addEvent, caseValue, moveEvent, removeEvent, setInCase } from '../case-edit.ts';
import { caseSource, declarations } from '../state.ts';

type Decl = FactDecl | AttributeDecl;

/** One value typed as its declaration says: a choice, a tick box, a number or text. */
function Field({ label, decl, value, onChange }: { label: string; decl: Decl; value: unknown; onChange: (v: unknown) => void }) {
  if (decl.enum)
    return (
      <select
        aria-label={label}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => onChange(decl.enum!.find((o) => String(o) === e.currentTarget.value))}
      >
        <option value="">{decl.default !== undefined ? `(${decl.default})` : '—'}</option>
        {decl.enum.map((o) => (
          <option value={String(o)}>{String(o)}</option>
        ))}
      </select>
    );
  if (decl.type === 'boolean')
    return (
      <input
        type="checkbox"
        aria-label={label}
        checked={value === undefined ? decl.default === true : value === true}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
    );
  const numeric = decl.type === 'number' || decl.type === 'integer';
  return (
    <input
      aria-label={label}
      inputMode={numeric ? 'decimal' : 'text'}
      value={value === undefined ? '' : String(value)}
      placeholder={decl.default !== undefined ? String(decl.default) : ''}
      onChange={(e) => {
        const t = e.currentTarget.value;
        onChange(t === '' ? undefined : numeric && Number.isFinite(Number(t)) ? Number(t) : t);
      }}
    />
  );
}

export function CaseForm() {
  const d = declarations.value;
  const c = caseValue(caseSource.value);
  const [newType, setNewType] = useState('');
  if (!d) return <p class="note">the form appears once the policy checks</p>;
  if (!c) return <p class="note">the case's YAML does not parse: fix it in the YAML view</p>;
  const events = Array.isArray(c.events) ? c.events : [];
  const eventTypes = Object.keys(d.events);
  const type = newType || eventTypes[0];
  return (
    <div class="case-form" data-testid="case-form">
      <fieldset>
        <legend>Asked at</legend>
        <input aria-label="at" class="instant" value={c.at ?? ''} onChange={(e) => setInCase(['at'], e.currentTarget.value)} />
      </fieldset>
      {d.facts && Object.keys(d.facts).length > 0 && (
        <fieldset>
          <legend>Facts</legend>
          <div class="facts">
            {Object.entries(d.facts).map(([name, decl]) => (
              <label title={decl.description}>
                <span>{name}</span>
                <Field label={`fact ${name}`} decl={decl} value={c.facts?.[name]} onChange={(v) => setInCase(['facts', name], v)} />
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <fieldset>
        <legend>Events ({events.length})</legend>
        <ol class="events">
          {events.map((ev, i) => {
            const decl = d.events[String(ev.type)];
            return (
              <li data-testid="event">
                <span class="type" title={decl?.description}>
                  {String(ev.type)}
                </span>
                <input
                  aria-label={`event ${i + 1} at`}
                  class="instant"
                  value={String(ev.at ?? '')}
                  onChange={(e) => setInCase(['events', i, 'at'], e.currentTarget.value)}
                />
                {decl?.duration && (
                  <input
                    aria-label={`event ${i + 1} until`}
                    class="instant"
                    placeholder="until"
                    value={String(ev.until ?? '')}
                    onChange={(e) => setInCase(['events', i, 'until'], e.currentTarget.value)}
                  />
                )}
                {Object.entries(decl?.attributes ?? {}).map(([name, a]) => (
                  <label>
                    <span>{name}</span>
                    <Field label={`event ${i + 1} ${name}`} decl={a} value={ev[name]} onChange={(v) => setInCase(['events', i, name], v)} />
                  </label>
                ))}
                <span class="buttons">
                  <button title="move up" aria-label={`move event ${i + 1} up`} disabled={i === 0} onClick={() => moveEvent(i, -1)}>
                    ↑
                  </button>
                  <button title="move down" aria-label={`move event ${i + 1} down`} disabled={i === events.length - 1} onClick={() => moveEvent(i, 1)}>
                    ↓
                  </button>
                  <button title="remove" aria-label={`remove event ${i + 1}`} onClick={() => removeEvent(i)}>
                    ✕
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
        <div class="add">
          <select aria-label="new event type" value={type} onChange={(e) => setNewType(e.currentTarget.value)}>
            {eventTypes.map((t) => (
              <option value={t}>{t}</option>
            ))}
          </select>
          <button onClick={() => addEvent({ type, at: c.at ?? '' })}>add event</button>
        </div>
      </fieldset>
    </div>
  );
}
