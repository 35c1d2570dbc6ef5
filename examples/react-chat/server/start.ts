import { startChatServer } from './startChatServer.js';

const port = Number(process.env['PORT'] ?? 5180);
const server = await startChatServer(port);
console.log(`sockdoc React chat: ${server.url}  (open it in two tabs; ?contract=off lets a binary frame through to see the server's 1003 diagnosed)`);
console.log('Press Ctrl+C to stop.');
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
