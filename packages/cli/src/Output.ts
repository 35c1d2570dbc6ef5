/** Where a command writes, and whether it may use colour and progress lines. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
  /** A transient progress line (TTY only); `undefined` clears it. */
  progress(line: string | undefined): void;
  readonly color: boolean;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Colour when stdout is a TTY and NO_COLOR is unset (https://no-color.org); progress only on a TTY stderr. */
export function processOutput(): Output {
  const color = Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'] && process.env['TERM'] !== 'dumb';
  const tty = Boolean(process.stderr.isTTY);
  let frame = 0;
  return {
    color,
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
    progress: (line) => {
      if (!tty) return;
      process.stderr.write(line === undefined ? '\r\x1b[2K' : `\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${line}`);
    },
  };
}

export function styles(color: boolean) {
  const wrap = (open: number, close: number) => (s: string) => (color ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39) };
}
