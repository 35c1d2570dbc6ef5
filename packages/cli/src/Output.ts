/** Where a command writes, and whether it may use colour and progress lines. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
  /** A transient progress line (TTY only); `undefined` clears it. */
  progress(line: string | undefined): void;
  readonly color: boolean;
  /** Columns to wrap prose to: the terminal's width, else 80. */
  readonly width?: number;
}

// Everything a terminal would act on rather than print, except the colour codes `styles()` writes:
// ESC not starting an SGR sequence (OSC window titles and clipboard writes, CSI cursor moves and
// clears), other C0 controls but tab and newline (CR overwrites a line, BEL), DEL, C1 controls,
// bidirectional marks and overrides, and invisible characters (zero-width, word joiner, BOM, tags).
const UNSAFE = /\x1b(?!\[[0-9;]*m)|[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]|\udb40[\udc00-\udc7f]/g;

/**
 * A line made safe for a terminal: the last line of defence behind sanitizing what a server or a
 * file says where it enters (close reasons, evidence). Colour codes are kept.
 *
 * @example
 * terminalSafe('ok\x1b]0;pwned\x07'); // 'ok]0;pwned'
 */
export function terminalSafe(line: string): string {
  return line.replace(UNSAFE, '');
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Colour when stdout is a TTY and NO_COLOR is unset (https://no-color.org); progress only on a TTY stderr. */
export function processOutput(): Output {
  const color = Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'] && process.env['TERM'] !== 'dumb';
  const tty = Boolean(process.stderr.isTTY);
  let frame = 0;
  return {
    color,
    width: process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 80,
    out: (line) => void process.stdout.write(`${terminalSafe(line)}\n`),
    err: (line) => void process.stderr.write(`${terminalSafe(line)}\n`),
    progress: (line) => {
      if (!tty) return;
      process.stderr.write(line === undefined ? '\r\x1b[2K' : `\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${terminalSafe(line)}`);
    },
  };
}

export function styles(color: boolean) {
  const wrap = (open: number, close: number) => (s: string) => (color ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39) };
}
