// Runs the conformance scenarios (scenarios.mjs) in a browser page, with the built
// @sockdoc/browser: scripts/runtimes.ts bundles this file with esbuild, serves it from the test
// server (so the page and the endpoints share an origin, as an app and its API often do) and calls
// window.runProbe in Chromium; the answer is the same report probe.mjs prints.
import { createSocket } from '../../packages/browser/dist/index.js';
import { runScenarios } from './scenarios.mjs';

window.runProbe = async (scenarios, version) => ({ runtime: { name: 'chromium', version }, ...(await runScenarios(scenarios, createSocket, WebSocket)) });
