// The benchmark's server, in its own process: /sink counts messages and answers "ok" when it has
// the number announced by the first message ("#N"); /echo echoes. Prints its port on stdout.
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 64 * 1024 * 1024 });
wss.on('connection', (ws, req) => {
  if (req.url?.startsWith('/echo')) {
    ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
    return;
  }
  let expected = -1;
  let count = 0;
  ws.on('message', (data) => {
    if (expected < 0) {
      expected = Number(data.toString().slice(1));
      return;
    }
    if (++count === expected) ws.send('ok');
  });
});
wss.on('listening', () => console.log(`PORT ${(wss.address() as { port: number }).port}`));
process.on('disconnect', () => process.exit(0));
