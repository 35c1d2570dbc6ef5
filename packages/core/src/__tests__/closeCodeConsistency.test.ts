import { describe, expect, it } from 'vitest';
import { closeCodeFacts, diagnose, diagnoseByCode, explain, isCloseCode, isSendableCloseCode, isWireCode } from '@sockdoc/diagnose';
import { CloseArgumentError } from '../errors/CloseArgumentError.js';
import { createSocket } from '../createSocket.js';
import type { WebSocketConstructor } from '../types.js';

// Every public path that judges a close code must agree with the one table of facts, and the
// table with the rules as the specifications state them (written out here on their own):
// RFC 6455 §7.4.2 (1000-4999 are close codes), ws/undici's receive check (1000-1014 except
// 1004-1006, and 3000-4999, may be on the wire) and WHATWG close() (script sends 1000 or 3000-4999).
const valid = (c: number) => Number.isInteger(c) && c >= 1000 && c <= 4999;
const onWire = (c: number) => Number.isInteger(c) && ((c >= 1000 && c <= 1014 && !(c >= 1004 && c <= 1006)) || (c >= 3000 && c <= 4999));
const sendable = (c: number) => c === 1000 || (Number.isInteger(c) && c >= 3000 && c <= 4999);

const CODES = [...Array.from({ length: 65536 }, (_, i) => i), -1, -1000, 1000.5, 4999.999, 1e21, Number.NaN, Infinity, -Infinity, -0];

describe('close-code facts, on every path that judges a code', () => {
  it('should agree with RFC 6455, the ws/undici receive check and WHATWG close() for 0-65535 and non-integers', () => {
    const wrong: string[] = [];
    for (const c of CODES) {
      const f = closeCodeFacts(c);
      if (f.valid !== valid(c) || isCloseCode(c) !== valid(c)) wrong.push(`${c} valid`);
      if (f.onWire !== onWire(c) || isWireCode(c) !== onWire(c)) wrong.push(`${c} onWire`);
      if (f.sendable !== sendable(c) || isSendableCloseCode(c) !== sendable(c)) wrong.push(`${c} sendable`);
      if (f.range === 'invalid' ? valid(c) : !valid(c)) wrong.push(`${c} range`);
    }
    expect(wrong).toEqual([]);
  });

  it('should give explain(), diagnose() and diagnoseByCode() the same facts for every code', () => {
    const wrong: string[] = [];
    for (const c of CODES) {
      const f = closeCodeFacts(c);
      const seen = { e: explain(c), d: diagnose({ code: c }).explanation, b: diagnoseByCode({ code: c }).explanation };
      for (const [path, x] of Object.entries(seen)) {
        if (x.valid !== f.valid || x.onWire !== f.onWire || x.range !== f.range || x.category !== f.category || x.sentBy !== f.sentBy || x.key !== f.key) wrong.push(`${path} ${c}`);
        if (JSON.stringify(x.retry) !== JSON.stringify(f.retry)) wrong.push(`${path} ${c} retry`);
      }
      // Without the evidence rules, the client acts on the code's own retry advice.
      const { text: _text, ...advice } = diagnoseByCode({ code: c }).retry;
      if (JSON.stringify(advice) !== JSON.stringify(f.retry)) wrong.push(`byCode ${c} advice`);
    }
    expect(wrong).toEqual([]);
  });

  it('should let close() accept exactly the codes browsers accept, with a typed error for the rest', () => {
    const socket = createSocket('ws://127.0.0.1:1/', { WebSocket: class {} as unknown as WebSocketConstructor, autoConnect: false });
    const wrong: number[] = [];
    for (const c of [...CODES, '1000' as unknown as number, null as unknown as number]) {
      let threw: unknown;
      try {
        socket.close(c);
      } catch (err) {
        threw = err;
      }
      const refused = threw instanceof CloseArgumentError && threw.code === 'SOCKDOC_INVALID_CLOSE_CODE';
      if (refused === (typeof c === 'number' && sendable(c))) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});
