// The runtime conformance scenarios, in any runtime: each once with the runtime's own WebSocket
// (what the runtime reports) and once with sockdoc's client (what sockdoc tells the user). Plain
// JavaScript with no imports, so that every runtime runs it as it is: probe.mjs runs it in Node,
// Deno and Bun, worker.mjs in workerd; scripts/runtimes.ts starts the servers and reads the report.

/** How long a scenario may take before "no close event" is the answer. */
const BOUND_MS = 3000;
const MIB = 1024 * 1024;
/** At most this many 1 MiB messages in the `buffered` scenario. */
const MAX_CHUNKS = 32;

/** What each scenario does once the socket is open. */
const ACT = {
  text_only_binary: (send) => send(new Uint8Array(16)),
  over_limit: (send) => send('x'.repeat(2048)),
  buffered: (send, rec, socket) => {
    // 1 MiB at a time until the runtime reports bytes buffered: on loopback the kernel's socket
    // buffers can take a few MiB at once (tcp_wmem's maximum is 4 MiB on Linux by default), so a
    // single 4 MiB send was reported as 0 in some runs and as 4 MiB in others.
    for (let i = 0; i < MAX_CHUNKS && !(socket.bufferedAmount > 0); i++) send('x'.repeat(MIB));
    rec.bufferedAfterSend = socket.bufferedAmount;
  },
};

/** One scenario with the runtime's WebSocket: the events in order, the close as reported, bufferedAmount. */
function raw(NativeWebSocket, id, url) {
  return new Promise((resolve) => {
    const events = [];
    const rec = {};
    let ws;
    let settled = false;
    const done = (closeFired) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ events: [...events], closeFired, ...rec });
    };
    const timer = setTimeout(() => {
      done(false);
      try {
        ws?.close();
      } catch {}
    }, BOUND_MS);
    try {
      ws = new NativeWebSocket(url);
    } catch (e) {
      rec.threw = e?.name ?? String(e);
      return done(false);
    }
    ws.binaryType = 'arraybuffer';
    ws.addEventListener('open', () => {
      events.push('open');
      ACT[id]?.((d) => ws.send(d), rec, ws);
      // Only bufferedAmount matters here: the server never answers a Close, so nothing waits for one.
      if (id === 'buffered') setTimeout(() => (done(true), ws.close(1000)), 100);
    });
    ws.addEventListener('error', (e) => {
      events.push('error');
      rec.errorMessage ??= typeof e.message === 'string' ? e.message : typeof e.error?.message === 'string' ? e.error.message : undefined;
    });
    ws.addEventListener('close', (e) => {
      events.push('close');
      rec.close = { code: e.code, reason: e.reason, wasClean: e.wasClean };
      done(true);
    });
  });
}

/** One scenario with sockdoc: the diagnosis the user gets (once the lazy engine has given the full one). */
function withSockdoc(createSocket, id, url) {
  return new Promise((resolve) => {
    const rec = {};
    const started = Date.now();
    let socket;
    const timer = setTimeout(() => finish({ closed: false }), BOUND_MS + 2000);
    const finish = (extra) => {
      clearTimeout(timer);
      const d = socket?.getSnapshot().lastClose;
      resolve({ ...rec, ...extra, ...(d ? { code: d.code, cause: d.cause.id, confidence: d.cause.confidence, retry: d.retry.strategy, evidence: d.cause.evidence.map((e) => e.id), summary: d.summary } : {}) });
      try {
        socket?.close();
      } catch {}
    };
    try {
      socket = createSocket(url, { reconnect: false, channel: 'mixed', connectTimeout: 2000 });
    } catch (e) {
      return finish({ threw: e?.code ?? e?.name });
    }
    socket.on('open', () => {
      ACT[id]?.((d) => socket.send(d), rec, socket);
      if (id === 'buffered') setTimeout(() => finish({ closed: false }), 100);
    });
    socket.on('error', () => {});
    socket.once('close', () => {
      rec.msToClose = Date.now() - started;
      // The lazy engine upgrades a code-level diagnosis when it has loaded: wait for it, briefly.
      const until = Date.now() + 1500;
      const poll = () => (socket.getSnapshot().lastClose?.cause.id !== 'diagnosis_unavailable' || Date.now() > until ? finish({ closed: true }) : setTimeout(poll, 20));
      poll();
    });
  });
}

/** Runs every scenario (`{ [id]: url }`) in order: `{ raw, sockdoc }`, one report each. */
export async function runScenarios(scenarios, createSocket, NativeWebSocket) {
  const out = { raw: {}, sockdoc: {} };
  for (const [id, url] of Object.entries(scenarios)) {
    out.raw[id] = await raw(NativeWebSocket, id, url);
    out.sockdoc[id] = await withSockdoc(createSocket, id, url);
  }
  return out;
}
