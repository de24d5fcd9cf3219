import { render } from 'preact';
import { App } from './app.tsx';
import { startRunning } from './run.ts';
import './styles.css';

startRunning();
render(<App />, document.getElementById('app')!);
