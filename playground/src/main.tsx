import { render } from 'preact';
import { App } from './app.tsx';
import { restore } from './persist.ts';
import { startRunning } from './run.ts';
import './styles.css';

restore();
startRunning();
render(<App />, document.getElementById('app')!);
