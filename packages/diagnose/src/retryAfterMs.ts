/** `Retry-After` (RFC 9110 §10.2.3: delay-seconds or an HTTP-date) as ms from `now`; undefined when absent or malformed. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // An HTTP-date names its day or month (IMF-fixdate, RFC 850, asctime); bare numbers such as -5 or 1.5 are not dates.
  const at = /[a-z]{3}/i.test(v) ? Date.parse(v) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

