// Where the playground's built files are (the playground's Vite build writes them there).
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.ts';

export const PLAYGROUND_DIR = join(PACKAGE_ROOT, 'dist', 'playground');
