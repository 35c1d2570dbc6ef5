export { startTestServer } from './startTestServer.js';
export type { TestServer, ReceivedFrame } from './startTestServer.js';
export { startPythonServer } from './startPythonServer.js';
export type { PythonServer } from './startPythonServer.js';
export { sleep, waitFor } from './sleep.js';
export { launchChromium, CHROMIUM_PATH } from './launchChromium.js';
export { startChaosProxy } from './startChaosProxy.js';
export type { ChaosProxy } from './startChaosProxy.js';
export { scaledTimers } from './scaledTimers.js';
