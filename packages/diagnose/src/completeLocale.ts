/** A locale filled in from another, and what was filled. */
export interface CompletedLocale<L> {
  readonly locale: L;
  /** Paths of the strings and functions that came from the base, e.g. `causes.handshake_auth.detail`. Empty for a complete locale. */
  readonly missing: readonly string[];
}

const cache = new WeakMap<object, WeakMap<object, CompletedLocale<unknown>>>();

/** Calls of a completed locale's functions that the base answered (the locale's own threw or gave nothing usable). */
let baseAnswers = 0;

/**
 * Runs `render` and says whether any completed locale function in it had to give the base's
 * answer, so that a diagnosis can name the fields that came out in the base's language.
 */
export function answeredByBase<T>(render: () => T): [T, boolean] {
  const before = baseAnswers;
  const value = render();
  return [value, baseAnswers !== before];
}

/**
 * `given` with every missing or unusable string and function taken from `base` (English, say),
 * key by key, and the paths that were taken. A function of `given` that throws or returns
 * something unusable gives `base`'s answer for that call. The same pair gives the same object.
 *
 * @example
 * const { locale, missing } = completeLocale({ ...jaPartial }, en);
 * explain(1006, { locale }).title; // Japanese where the file has it, English elsewhere
 */
export function completeLocale<L extends object>(given: unknown, base: L): CompletedLocale<L> {
  if (given === base) return { locale: base, missing: [] };
  const key = typeof given === 'object' && given !== null ? given : undefined;
  const hit = key && cache.get(key)?.get(base);
  if (hit) return hit as CompletedLocale<L>;
  const missing: string[] = [];
  const filled = fill(given, base, '', missing) as L;
  // A complete locale is used as it is (its own object, its own functions).
  const result: CompletedLocale<L> = { locale: missing.length ? filled : (given as L), missing };
  if (key) {
    let byBase = cache.get(key);
    if (!byBase) cache.set(key, (byBase = new WeakMap()));
    byBase.set(base, result);
  }
  return result;
}

function fill(given: unknown, base: unknown, path: string, missing: string[]): unknown {
  if (typeof base === 'string') {
    if (typeof given === 'string' && given.trim() !== '') return given;
    missing.push(path);
    return base;
  }
  if (typeof base === 'function') {
    if (typeof given !== 'function') {
      missing.push(path);
      return base;
    }
    const own = given as (...a: unknown[]) => unknown;
    const fallback = base as (...a: unknown[]) => unknown;
    return (...args: unknown[]) => {
      try {
        const r = own(...args);
        if (usable(r)) return r;
      } catch {
        // a locale's own function failed for these arguments: the base answers
      }
      baseAnswers++;
      return fallback(...args);
    };
  }
  if (Array.isArray(base)) {
    if (Array.isArray(given) && given.length > 0 && given.every((x) => typeof x === 'string' && x.trim() !== '')) return given;
    missing.push(path);
    return base;
  }
  if (base && typeof base === 'object') {
    const src = given && typeof given === 'object' ? (given as Record<string, unknown>) : {};
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(base)) {
      let v: unknown;
      try {
        v = src[k];
      } catch {
        v = undefined; // a getter or a Proxy that throws
      }
      out[k] = fill(v, (base as Record<string, unknown>)[k], path ? `${path}.${k}` : k, missing);
    }
    return out;
  }
  return given ?? base;
}

/** What a text function may return: a non-empty string, a list of strings, or an object of strings. */
function usable(r: unknown): boolean {
  if (typeof r === 'string') return r.trim() !== '';
  if (Array.isArray(r)) return r.every((x) => typeof x === 'string');
  return !!r && typeof r === 'object' && Object.values(r).every((x) => typeof x === 'string');
}
