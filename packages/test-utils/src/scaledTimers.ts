/**
 * A clock for tests: records every delay the client asks for and waits `scale` times as long
 * in real time (0.01 turns a 30 s backoff into 300 ms). Only the clock is faked; sockets stay real.
 */
export function scaledTimers(scale: number): { timers: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(id: unknown): void; now(): number }; requested: number[] } {
  const requested: number[] = [];
  const start = Date.now();
  return {
    requested,
    timers: {
      now: () => start + (Date.now() - start) / scale,
      setTimeout: (fn, ms) => {
        requested.push(ms);
        return setTimeout(fn, Math.round(ms * scale));
      },
      clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
    },
  };
}
