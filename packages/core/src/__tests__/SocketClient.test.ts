import { describe, expect, it } from 'vitest';
import { diagnose } from '@sockdoc/diagnose';
import { createSocket } from '../createSocket.js';
import { OptionError } from '../errors/OptionError.js';
import { heartbeat } from '../Heartbeat.js';
import { json } from '../json.js';
import { lastMessage } from '../lastMessage.js';
import { shareSocket, sharedSocketCount } from '../shareSocket.js';
import type { SocketOptions, Timers, WebSocketConstructor } from '../types.js';

// The client's state machine with a scripted socket and a fake clock: every transition, without
// a network. Real servers, real peers and real browsers run the same paths in the node and browser packages.

/** A clock that moves only when told to. */
function fakeClock() {
  let now = 0;
  let seq = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    setTimeout: (fn, ms) => (due.set(++seq, { at: now + ms, fn }), seq),
    clearTimeout: (id) => void due.delete(id as number),
    now: () => now,
  };
  return {
    timers,
    pending: () => due.size,
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const next = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > end) break;
        due.delete(next[0]);
        now = next[1].at;
        next[1].fn();
      }
      now = end;
    },
  };
}

type Handler = (e: unknown) => void;
/** A socket whose events the test fires by hand. */
class ScriptedSocket {
  static all: ScriptedSocket[] = [];
  readyState = 0;
  binaryType = 'blob';
  protocol = '';
  extensions = '';
  bufferedAmount = 0;
  sent: unknown[] = [];
  closedWith: [number?, string?] | undefined;
  readonly #on = new Map<string, Set<Handler>>();
  constructor(
    readonly url: string,
    readonly protocols?: string[],
  ) {
    ScriptedSocket.all.push(this);
  }
  addEventListener(t: string, fn: Handler) {
    (this.#on.get(t) ?? this.#on.set(t, new Set()).get(t)!).add(fn);
  }
  removeEventListener(t: string, fn: Handler) {
    this.#on.get(t)?.delete(fn);
  }
  listeners() {
    return [...this.#on.values()].reduce((n, s) => n + s.size, 0);
  }
  send(d: unknown) {
    this.sent.push(d);
  }
  close(code?: number, reason?: string) {
    this.closedWith = [code, reason];
    this.readyState = 2;
  }
  fire(t: string, e: unknown = {}) {
    for (const fn of [...(this.#on.get(t) ?? [])]) fn(e);
  }
  accept() {
    this.readyState = 1;
    this.fire('open');
  }
  end(code: number, reason = '', wasClean = code !== 1006) {
    this.readyState = 3;
    this.fire('close', { code, reason, wasClean });
  }
}

function setup(options: Partial<SocketOptions> = {}) {
  ScriptedSocket.all = [];
  const clock = fakeClock();
  const socket = createSocket('ws://example.test/s', { WebSocket: ScriptedSocket as unknown as WebSocketConstructor, diagnose, timers: clock.timers, random: () => 0.5, ...options });
  const events: string[] = [];
  for (const e of ['open', 'close', 'reconnecting', 'stopped'] as const) socket.on(e, () => events.push(e));
  socket.on('error', () => events.push('error'));
  const last = () => ScriptedSocket.all.at(-1)!;
  return { socket, clock, events, last };
}

describe('SocketClient state machine (scripted socket, fake clock)', () => {
  it('should go connecting → open → reconnecting after a drop, wait the advised delay on its clock, then reopen', () => {
    const { socket, clock, events, last } = setup();
    expect(socket.getSnapshot().status).toBe('connecting');
    expect(last().binaryType).toBe('arraybuffer');
    last().accept();
    expect(socket.getSnapshot().status).toBe('open');
    last().end(1006);
    expect(socket.getSnapshot()).toMatchObject({ status: 'reconnecting', reconnect: { attempt: 1, delayMs: 2_500 } });
    expect(socket.getSnapshot().lastClose?.cause.id).toBe('connection_dropped');
    clock.advance(2_499);
    expect(ScriptedSocket.all).toHaveLength(1);
    clock.advance(1);
    expect(ScriptedSocket.all).toHaveLength(2);
    last().accept();
    expect(events).toEqual(['open', 'close', 'reconnecting', 'open']);
    socket.close();
  });

  it('should stop for good when close() is called inside the close listener (no reconnect, no timer left)', () => {
    const { socket, clock, last } = setup();
    last().accept();
    socket.once('close', () => socket.close());
    last().end(1011, 'oops');
    expect(socket.getSnapshot()).toMatchObject({ status: 'closed', stopped: { reason: 'closed_by_user' } });
    expect(clock.pending()).toBe(0);
    clock.advance(120_000);
    expect(ScriptedSocket.all).toHaveLength(1);
  });

  it('should stop for good when close() is called inside the reconnecting listener', () => {
    const { socket, clock, last } = setup();
    last().accept();
    socket.once('reconnecting', () => socket.close());
    last().end(1006);
    expect(socket.getSnapshot().stopped?.reason).toBe('closed_by_user');
    expect(clock.pending()).toBe(0);
  });

  it('should stop for good when close() is called inside a state listener during a close', () => {
    const { socket, clock, last } = setup();
    last().accept();
    const stop = socket.subscribe(() => {
      if (socket.getSnapshot().status === 'reconnecting') stop(), socket.close();
    });
    last().end(1006);
    expect(socket.getSnapshot().stopped?.reason).toBe('closed_by_user');
    expect(clock.pending()).toBe(0);
  });

  it('should let connect() inside the close listener overrule a stop: the new attempt runs and nothing is handed back', () => {
    const { socket, events, last } = setup();
    last().accept();
    const unsent: unknown[] = [];
    socket.on('unsent', (m) => unsent.push(m));
    socket.once('close', () => socket.connect());
    last().end(1003);
    expect(socket.getSnapshot().status).toBe('connecting');
    expect(socket.getSnapshot().stopped).toBeUndefined();
    expect(ScriptedSocket.all).toHaveLength(2);
    expect(socket.send('queued for the new socket')).toBe('queued');
    expect(events).not.toContain('stopped');
    expect(unsent).toEqual([]);
    socket.close();
  });

  it('should honour close() right after reconnect() in the same tick', () => {
    const { socket, clock, last } = setup();
    last().accept();
    socket.reconnect();
    socket.close(4000, 'bye');
    expect(socket.getSnapshot().status).toBe('closing');
    expect(last().closedWith).toEqual([1000, 'reconnect']);
    last().end(1000, 'reconnect');
    expect(socket.getSnapshot()).toMatchObject({ status: 'closed', stopped: { reason: 'closed_by_user' } });
    clock.advance(60_000);
    expect(ScriptedSocket.all).toHaveLength(1);
  });

  it('should reopen at once after reconnect(), keeping queued messages for the new socket', () => {
    const { socket, clock, last } = setup();
    last().accept();
    socket.reconnect();
    expect(socket.send('later')).toBe('queued');
    last().end(1000, 'reconnect');
    clock.advance(0);
    expect(ScriptedSocket.all).toHaveLength(2);
    last().accept();
    expect(last().sent).toEqual(['later']);
    socket.close();
  });

  it('should ignore events of a connection that has ended', () => {
    const { socket, clock, last } = setup();
    const messages: unknown[] = [];
    socket.on('message', (m) => messages.push(m));
    last().accept();
    const old = last();
    old.end(1006);
    old.fire('message', { data: 'stale' });
    old.fire('close', { code: 1000, reason: '', wasClean: true });
    expect(old.listeners()).toBe(0);
    clock.advance(5_000);
    last().accept();
    last().fire('message', { data: 'fresh' });
    expect(messages).toEqual(['fresh']);
    expect(socket.getSnapshot().lastClose?.code).toBe(1006);
    socket.close();
  });

  it('should give up on a handshake after connectTimeout on its clock and diagnose it as a timeout', () => {
    const { socket, clock, last } = setup({ connectTimeout: 1_000, reconnect: false });
    clock.advance(999);
    expect(last().closedWith).toBeUndefined();
    clock.advance(1);
    expect(last().closedWith).toEqual([undefined, undefined]);
    last().end(1006);
    expect(socket.getSnapshot()).toMatchObject({ status: 'closed', stopped: { reason: 'reconnect_disabled' } });
    expect(socket.getSnapshot().lastClose?.cause.id).toBe('handshake_timeout');
  });

  it('should stop with max_elapsed measured on the injected clock', () => {
    const { socket, clock, last } = setup({ reconnect: { maxElapsedMs: 10_000, maxAttemptsNeverOpened: 100, maxAttempts: 100, delay: () => 6_000 } });
    last().end(1006);
    clock.advance(6_000);
    last().end(1006);
    expect(socket.getSnapshot().status).toBe('reconnecting');
    clock.advance(6_000);
    last().end(1006);
    expect(socket.getSnapshot().stopped?.reason).toBe('max_elapsed');
  });

  it('should run refresh once after an authentication close, then connect with what it returned', async () => {
    const urls: string[] = [];
    const { socket, clock, last } = setup({ refresh: () => ({ url: 'ws://example.test/s?token=new' }) });
    last().accept();
    last().end(4401, 'token expired');
    clock.advance(0);
    await Promise.resolve();
    await Promise.resolve();
    urls.push(last().url);
    last().accept();
    last().end(4401, 'token expired');
    expect(urls).toEqual(['ws://example.test/s?token=new']);
    expect(socket.getSnapshot().stopped?.reason).toBe('auth_failed');
  });
});

describe('setup errors are thrown where the caller can catch them', () => {
  it('should throw an invalid subprotocol from createSocket, with the value in the message', () => {
    expect(() => setup({ protocols: ['chat', 'bad name'] })).toThrow(OptionError);
    expect(() => setup({ protocols: ['chat', 'chat'] })).toThrow(/listed twice/);
    expect(() => setup({ protocols: 'a,b' })).toThrow(/"a,b" is not a valid token/);
    expect(ScriptedSocket.all).toHaveLength(0);
  });

  it('should throw a heartbeat that this runtime cannot send from createSocket, not at every open', () => {
    expect(() => setup({ heartbeat: heartbeat({ intervalMs: 1_000 }) })).toThrow(/heartbeat needs a message in this runtime/);
    expect(ScriptedSocket.all).toHaveLength(0);
    const { socket, clock, last } = setup({ heartbeat: heartbeat({ intervalMs: 1_000, message: 'ping', isPong: (d) => d === 'pong' }), reconnect: false });
    last().accept();
    clock.advance(1_000);
    expect(last().sent).toEqual(['ping']);
    socket.close();
  });

  it('should throw from createSocket when the runtime refuses to create the socket', () => {
    class Refusing {
      constructor() {
        throw new TypeError('WebSocket is not available here');
      }
    }
    expect(() => createSocket('ws://example.test/', { WebSocket: Refusing as unknown as WebSocketConstructor })).toThrow('WebSocket is not available here');
    const later = createSocket('ws://example.test/', { WebSocket: Refusing as unknown as WebSocketConstructor, autoConnect: false });
    const errors: unknown[] = [];
    later.on('error', (e) => errors.push(e));
    later.connect();
    expect(errors).toHaveLength(1);
    expect(later.getSnapshot()).toMatchObject({ status: 'closed', stopped: { reason: 'create_failed' } });
  });

  it('should name invalid dynamic subprotocols as the stop reason, not the URL', async () => {
    const { socket, events } = setup({ protocols: async () => ['ok', 'not ok'], autoConnect: false });
    socket.connect();
    await new Promise((r) => setTimeout(r, 0));
    expect(events).toContain('error');
    expect(socket.getSnapshot()).toMatchObject({ status: 'closed', stopped: { reason: 'invalid_protocols' } });
    expect(socket.getSnapshot().url).toBe('ws://example.test/s');
  });
});

describe('shareSocket and lastMessage (framework-free sharing)', () => {
  const tick = () => new Promise((r) => setTimeout(r, 5));

  it('should give one client per key, keep it across a release and re-take in the same tick, and close it after the last release', async () => {
    let made = 0;
    const create = () => (made++, setup().socket);
    const a = shareSocket('k1', create);
    const b = shareSocket('k1', create);
    expect(b.socket).toBe(a.socket);
    expect(made).toBe(1);
    const ws = ScriptedSocket.all.at(-1)!;
    ws.accept();
    a.release();
    a.release(); // a second release of the same hold changes nothing
    b.release();
    const again = shareSocket('k1', create); // StrictMode: unmount and mount again at once
    await tick();
    expect(again.socket).toBe(a.socket);
    expect(a.socket.getSnapshot().status).toBe('open');
    expect(sharedSocketCount()).toBe(1);
    again.release();
    await tick();
    expect(ws.closedWith).toEqual([undefined, undefined]);
    expect(sharedSocketCount()).toBe(0);
    expect(shareSocket('k1', create).socket).not.toBe(a.socket);
    expect(made).toBe(2);
  });

  it('should keep one latest message per client, shared by every subscriber, and listen only while subscribed', () => {
    const { socket, last } = setup({ json: json() });
    last().accept();
    const store = lastMessage(socket);
    expect(lastMessage(socket)).toBe(store);
    expect(store.getSnapshot()).toBeUndefined();
    const calls: number[] = [];
    const stop1 = store.subscribe(() => calls.push(1));
    const stop2 = store.subscribe(() => calls.push(2));
    expect(socket.listenerCount('message')).toBe(1);
    last().fire('message', { data: '{"n":1}' });
    expect(calls).toEqual([1, 2]);
    expect(store.getSnapshot()).toEqual({ data: '{"n":1}', json: { ok: true, value: { n: 1 } } });
    const snap = store.getSnapshot();
    expect(store.getSnapshot()).toBe(snap);
    stop1();
    stop2();
    expect(socket.listenerCount('message')).toBe(0);
    socket.close();
  });
});

describe('bounded by bad options and promises that never settle', () => {
  it('should refuse reconnect numbers that are not finite and non-negative, and hooks that are not functions', () => {
    expect(() => setup({ reconnect: { maxAttempts: Number.NaN } })).toThrow(expect.objectContaining({ code: 'SOCKDOC_INVALID_OPTION', message: expect.stringMatching(/reconnect\.maxAttempts/) }));
    expect(() => setup({ reconnect: { initialDelayMs: -1 } })).toThrow(OptionError);
    expect(() => setup({ reconnect: { maxElapsedMs: Number.POSITIVE_INFINITY } })).toThrow(OptionError);
    expect(() => setup({ reconnect: { delay: 5 as never } })).toThrow(/reconnect\.delay must be a function/);
    expect(ScriptedSocket.all).toHaveLength(0);
  });

  it('should use the advised delay when delay() returns something no timer can wait', () => {
    for (const bad of [Number.POSITIVE_INFINITY, Number.NaN, '10' as unknown as number]) {
      const { socket, clock, last } = setup({ reconnect: { delay: () => bad } });
      last().accept();
      last().end(1006);
      // random 0.5 of the first backoff cap (5 s), as without delay(): not at once.
      expect(socket.getSnapshot().reconnect?.delayMs).toBe(2_500);
      clock.advance(2_499);
      expect(ScriptedSocket.all).toHaveLength(1);
      socket.close();
    }
  });

  it('should give up on a url promise that never settles after connectTimeout, count it as a failed attempt, and leave no timer after close()', () => {
    const errors: unknown[] = [];
    const { socket, clock } = setup({ connectTimeout: 1_000 });
    void socket;
    const hung = createSocket(() => new Promise<string>(() => {}), { WebSocket: ScriptedSocket as unknown as WebSocketConstructor, diagnose, timers: clock.timers, random: () => 0.5, connectTimeout: 1_000 });
    hung.on('error', (e) => errors.push(e));
    expect(hung.getSnapshot().status).toBe('connecting');
    clock.advance(1_000);
    expect(errors).toEqual([expect.objectContaining({ code: 'SOCKDOC_SETUP_TIMEOUT' })]);
    expect(hung.getSnapshot()).toMatchObject({ status: 'reconnecting', reconnect: { attempt: 1 } });
    hung.close();
    socket.close();
    // The other client's socket was closed at its connect timeout: its close is waited for one second, then reported.
    clock.advance(1_000);
    expect(clock.pending()).toBe(0);
  });

  it('should stop with auth_failed when refresh never settles, instead of reconnecting for ever', async () => {
    const errors: unknown[] = [];
    const { socket, clock, last } = setup({ connectTimeout: 2_000, refresh: () => new Promise(() => {}) });
    socket.on('error', (e) => errors.push(e));
    last().accept();
    last().end(4401, 'token expired');
    expect(socket.getSnapshot()).toMatchObject({ status: 'reconnecting', reconnect: { delayMs: 0 } });
    clock.advance(0); // the attempt runs refresh first
    await Promise.resolve();
    clock.advance(2_000);
    expect(errors).toEqual([expect.objectContaining({ code: 'SOCKDOC_SETUP_TIMEOUT' })]);
    expect(socket.getSnapshot()).toMatchObject({ status: 'closed', stopped: { reason: 'auth_failed' } });
    expect(clock.pending()).toBe(0);
    expect(ScriptedSocket.all).toHaveLength(1);
  });
});
