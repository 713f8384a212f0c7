#!/usr/bin/env node
// The command line runs the TypeScript sources through tsx, so every command works on a
// fresh clone without a build; `serve` alone needs the built server (npm start builds it).
import { register } from 'tsx/esm/api';

process.env.PUSHMAP_CLI = '1';

register({ tsconfig: false });
const { main } = await import('../src/lib/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
