#!/usr/bin/env node
// The `sla` command: TypeScript sources run through tsx's loader, registered before the first import.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
