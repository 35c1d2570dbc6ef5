/** Characters a terminal draws two columns wide: CJK, Hangul, full-width forms. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
/** Closing punctuation that never starts a line (Chinese line-breaking rules). */
const NO_LINE_START = /^[，。：；、！？）」』》〉”’,.;:!?)\]]/;
const SGR = /\x1b\[[0-9;]*m/y;

/** How many terminal columns `text` takes: colour codes none, wide characters two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text.replace(/\x1b\[[0-9;]*m/g, '')) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Pieces a line may break between: colour codes, runs of spaces, single wide characters, words. */
function tokens(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    SGR.lastIndex = i;
    const sgr = SGR.exec(line);
    if (sgr) {
      out.push(sgr[0]);
      i += sgr[0].length;
      continue;
    }
    const ch = line[i]!;
    if (ch === ' ') {
      let j = i;
      while (line[j] === ' ') j++;
      out.push(line.slice(i, j));
      i = j;
    } else if (WIDE.test(ch)) {
      out.push(ch);
      i++;
    } else {
      let j = i;
      while (j < line.length && line[j] !== ' ' && line[j] !== '\x1b' && !WIDE.test(line[j]!)) j++;
      out.push(line.slice(i, j));
      i = j;
    }
  }
  // Keep closing punctuation with what it closes.
  for (let k = out.length - 1; k > 0; k--) if (NO_LINE_START.test(out[k]!) && out[k - 1] !== ' ' && !out[k - 1]!.startsWith('\x1b')) out.splice(k - 1, 2, out[k - 1]! + out[k]!);
  return out;
}

/**
 * `segments` joined by `sep` into lines of at most `width` columns, broken only between segments
 * (so a `label：value` pair stays on one line); the caller's wrapping breaks a segment wider than a line.
 */
export function joinSegments(segments: readonly string[], sep: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const seg of segments) {
    const next = current ? `${current}${sep}${seg}` : seg;
    if (current && displayWidth(next) > width) {
      lines.push(current);
      current = seg;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}

/**
 * `line` broken to `width` columns by display width, continuation lines indented under the text
 * (past the line's own indent and a list marker such as `1. `, `- ` or `· `).
 */
export function wrapLine(line: string, width: number): string[] {
  if (width <= 0 || displayWidth(line) <= width) return [line];
  const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
  const hang = ' '.repeat(displayWidth(/^\s*(?:\d+\.\s+|[-·]\s+|\d{4}\s{2,})?/.exec(plain)![0]));
  const lines: string[] = [];
  let current = '';
  let col = 0;
  for (const t of tokens(line)) {
    const w = displayWidth(t);
    if (t.startsWith(' ') && col + w > width) continue; // spaces at a break are dropped
    if (col + w > width && col > hang.length) {
      lines.push(current.trimEnd());
      current = hang;
      col = hang.length;
      if (t.startsWith(' ')) continue;
    }
    current += t;
    col += w;
  }
  if (current.trim()) lines.push(current.trimEnd());
  return lines;
}
