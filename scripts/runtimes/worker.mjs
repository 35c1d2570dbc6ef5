// Runs the conformance scenarios (scenarios.mjs) in workerd, with the built @sockdoc/core:
// scripts/runtimes.ts bundles this file with esbuild, serves it with workerd, and POSTs the config
// ({ scenarios, version }); the answer is the same report probe.mjs prints.
import { createSocket } from '../../packages/core/dist/index.js';
import { runScenarios } from './scenarios.mjs';

export default {
  async fetch(request) {
    const config = await request.json();
    const report = await runScenarios(config.scenarios, createSocket, globalThis.WebSocket);
    return Response.json({ runtime: { name: 'workerd', version: config.version }, ...report });
  },
};
