// Runs the conformance scenarios (scenarios.mjs) in the runtime that runs this file: Node, Deno
// or Bun. Prints one JSON object: the runtime, what it reported, what sockdoc told the user.
//
// Argument: JSON { scenarios: { [id]: url }, sockdoc: module URL, ws?: module URL (Node with ws) }.
import { runScenarios } from './scenarios.mjs';

const args = globalThis.Deno ? globalThis.Deno.args : globalThis.process.argv.slice(2);
const config = JSON.parse(args[0]);
const { createSocket } = await import(config.sockdoc);
const NativeWebSocket = config.ws ? ((m) => m.WebSocket ?? m.default)(await import(config.ws)) : globalThis.WebSocket;

function runtime() {
  if (globalThis.Deno) return { name: 'deno', version: globalThis.Deno.version.deno };
  if (globalThis.Bun) return { name: 'bun', version: globalThis.Bun.version };
  return { name: config.ws ? 'node (ws)' : 'node (undici)', version: globalThis.process.versions.node };
}

console.log(JSON.stringify({ runtime: runtime(), ...(await runScenarios(config.scenarios, createSocket, NativeWebSocket)) }));
globalThis.Deno ? globalThis.Deno.exit(0) : globalThis.process.exit(0);
