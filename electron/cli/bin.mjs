#!/usr/bin/env node
// Entry point of `briefing` / `npm run cli`: runs the TypeScript CLI through tsx, so the
// command line always matches the sources in this checkout without a build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('./main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
