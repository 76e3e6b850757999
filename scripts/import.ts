/**
 * npm run import -- <file> [--year 2020] [--out <dir>] [--dry-run] [--replace]
 *                  [--source-url <url>] [--published YYYY-MM-DD] [--site <name>] [--issuer <name>]
 *
 * Turns a plan published as text (UTF-8 or GB18030/GBK, scraped page chrome allowed) or as a Word
 * .docx into content/plans/<year>.mdx, content/tasks/<year>/NN.mdx, stub content/documents/*.mdx and
 * a verbatim copy under seeds/. Re-running merges: a person's edits are kept (see
 * src/importer/plan-import.ts). A different text for a year that already has one is refused unless
 * --replace. Writing is all or nothing (src/importer/commit.ts), also on Ctrl-C.
 *
 * Exit codes (nothing is written unless the code is 0):
 *   0 done · 1 the input cannot be imported · 2 bad command line · 3 refused: the year already holds a
 *   different text (use --replace) · 4 unexpected error (rolled back) · 5 rolled back incompletely
 *   (the message lists the files to check) · 130 interrupted (rolled back)
 */
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError, RefusedError } from '../src/importer/errors.ts';
import { formatChanges, pendingChanges, planImport, readPlanSource } from '../src/importer/plan-import.ts';
import { commitChanges, hasLeftovers, Interrupted, recoverLeftovers, RollbackError } from '../src/importer/commit.ts';
import type { Checkpoint } from '../src/importer/commit.ts';

const USAGE = `usage: npm run import -- <file.txt|file.docx> [--year 2020] [--out <dir>] [--dry-run] [--replace]
                        [--source-url <url>] [--published YYYY-MM-DD] [--site <name>] [--issuer <name>]`;

export const EXIT = { ok: 0, input: 1, usage: 2, refused: 3, unexpected: 4, rollback: 5, interrupted: 130 } as const;

/** Signals that abort the import; the checkpoint between write steps turns them into a rollback. */
let signalled: NodeJS.Signals | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    signalled = signal;
  });
}
const checkSignal = () => {
  if (signalled) throw new Interrupted(signalled);
};

/**
 * For the tests only: IMPORT_TEST_PAUSE=<stage|commit>:<n> stops before that step of the write and
 * waits (printing "import: paused" to stderr) until a signal arrives, so a test can press Ctrl-C
 * half-way through an import.
 */
const pauseAt = process.env.IMPORT_TEST_PAUSE?.split(':');
const checkpoint: Checkpoint = async (step, index) => {
  checkSignal();
  if (pauseAt && pauseAt[0] === step && Number(pauseAt[1]) === index) {
    process.stderr.write('import: paused\n');
    while (!signalled) await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setImmediate(r)); // let a pending signal handler run
  checkSignal();
};

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        year: { type: 'string' },
        out: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        replace: { type: 'boolean', default: false },
        'source-url': { type: 'string' },
        published: { type: 'string' },
        site: { type: 'string' },
        issuer: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`import: ${(error as Error).message}\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    console.error(`import: expected one input file, got ${positionals.length}\n${USAGE}`);
    return EXIT.usage;
  }
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!/^\d{4}$/.test(values.year) || year < 2000 || year > 2100) {
      console.error(`import: --year must be a year such as 2020, not "${values.year}"`);
      return EXIT.usage;
    }
  }
  // npm runs scripts from the package root; paths on the command line are relative to where npm was called.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  const input = abs(positionals[0]!);
  const out = values.out !== undefined ? abs(values.out) : resolve(import.meta.dirname, '..');

  try {
    // An import that was killed outright leaves its staging directory: undo it first (a dry run
    // writes nothing, so it only says so).
    if (values['dry-run']) {
      if (hasLeftovers(out)) console.error('import: an interrupted import left files behind; run without --dry-run to undo it');
    } else {
      for (const note of recoverLeftovers(out)) console.error(`import: ${note}`);
    }
    const source = await readPlanSource(input);
    checkSignal();
    const result = planImport({
      input,
      out,
      year,
      source,
      replace: values.replace,
      sourceUrl: values['source-url'],
      published: values.published,
      site: values.site,
      issuer: values.issuer,
    });
    console.log(formatChanges(result, out, cwd));
    const pending = pendingChanges(result.changes);
    if (values['dry-run']) {
      console.log(`dry run: ${pending.length} file${pending.length === 1 ? '' : 's'} would be written; nothing was written`);
    } else {
      const written = await commitChanges(out, pending, checkpoint);
      console.log(`${written} file${written === 1 ? '' : 's'} written`);
    }
    return EXIT.ok;
  } catch (error) {
    const name = positionals[0];
    if (error instanceof RefusedError) {
      console.error(`import: ${name}: refused: ${error.message}`);
      console.error('nothing was written');
      return EXIT.refused;
    }
    if (error instanceof ImportError) {
      console.error(`import: ${name}: ${error.message}`);
      console.error('nothing was written');
      return EXIT.input;
    }
    if (error instanceof Interrupted) {
      console.error(`import: ${error.message}; everything was rolled back, nothing was written`);
      return EXIT.interrupted;
    }
    if (error instanceof RollbackError) {
      console.error(`import: ${error.message}`);
      return EXIT.rollback;
    }
    // One line, not a stack trace: what failed, and that nothing is left half-done.
    const e = error as NodeJS.ErrnoException;
    console.error(`import: unexpected error: ${e?.message?.split('\n')[0] ?? String(error)}; everything was rolled back, nothing was written`);
    return EXIT.unexpected;
  }
}

process.exitCode = await main(process.argv.slice(2));
