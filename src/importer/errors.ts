/**
 * The one error type of the importer: input it cannot turn into content.
 *
 * `line` is the 1-based line of the input text where the problem was found (null when the problem
 * is not tied to a line, e.g. an unreadable encoding). The CLI prints `<file>:<line>: <message>`.
 */
export class ImportError extends Error {
  /** 1-based line number in the input, or null. */
  readonly line: number | null;

  constructor(message: string, line: number | null = null) {
    super(line === null ? message : `line ${line}: ${message}`);
    this.name = 'ImportError';
    this.line = line;
  }
}

/**
 * The import would replace a plan text that is already there with a different one. Refused unless
 * the user asks for it (--replace); nothing is written.
 */
export class RefusedError extends ImportError {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedError';
  }
}
