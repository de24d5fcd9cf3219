import { AnswerView } from './views/AnswerView.tsx';
import { CasePane } from './views/CasePane.tsx';
import { PolicyPane } from './views/PolicyPane.tsx';
import { Timeline } from './views/Timeline.tsx';
import { Toolbar } from './views/Toolbar.tsx';

export function App() {
  return (
    <div class="app">
      <header class="top">
        <h1>SLA playground</h1>
        <span class="tagline">runs in your browser: nothing you type leaves this page</span>
        <Toolbar />
      </header>
      <main>
        <PolicyPane />
        <div class="right">
          <CasePane />
          <Timeline />
          <AnswerView />
        </div>
      </main>
    </div>
  );
}
