export { run, USAGE } from './run.js';
export { processOutput } from './Output.js';
export { probe } from './commands/probe.js';
export type { Output } from './Output.js';
export type { ProbeOptions, ProbeReport, ProbeResult } from './commands/probe.js';
