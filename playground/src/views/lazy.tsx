// A view whose code is fetched the first time it is shown, so the first screen does not carry it.
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyView(load: () => Promise<FunctionComponent>): FunctionComponent {
  let view: FunctionComponent | undefined;
  let loading: Promise<FunctionComponent> | undefined;
  return function Lazy() {
    const [, setLoaded] = useState<FunctionComponent>();
    const [error, setError] = useState<string>();
    useEffect(() => {
      if (view) return;
      (loading ??= load())
        .then((v) => setLoaded(() => (view = v)))
        .catch((e: unknown) => {
          loading = undefined;
          setError(e instanceof Error ? e.message : String(e));
        });
    }, []);
    if (error) return <p class="note error">this view could not be loaded: {error}</p>;
    const View = view;
    return View ? <View /> : <p class="note">loading…</p>;
  };
}
