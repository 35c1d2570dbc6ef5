/** Bad command-line input: printed with the usage, exit code 2, never a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
