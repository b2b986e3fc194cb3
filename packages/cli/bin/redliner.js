#!/usr/bin/env node
// Runs the TypeScript entry in this process through tsx's loader, so no build step is needed
// after `pnpm install` and no second Node process is started (that alone cost a quarter second).
// tsx caches what it compiles, so only the first run after a change pays for compiling.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
