import { startServer } from './startServer.js';

const server = await startServer(Number(process.env['PORT'] ?? 5181));
console.log(`sockdoc browser example: ${server.url}  (Ctrl+C to stop)`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
