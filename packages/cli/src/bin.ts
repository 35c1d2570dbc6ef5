import { readFileSync } from 'node:fs';
import { processOutput } from './Output.js';
import { run } from './run.js';

// `sockdoc explain 1006 | head` closes the pipe early: stop quietly instead of crashing.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
process.exitCode = await run(process.argv.slice(2), processOutput(), { version });
