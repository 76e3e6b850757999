/**
 * npm run import -- <file> [--year 2020] [--out <dir>] [--dry-run]
 *                  [--source-url <url>] [--published YYYY-MM-DD] [--site <name>] [--issuer <name>]
 *
 * Turns a plan published as text (UTF-8 or GB18030/GBK, scraped page chrome allowed) into
 * content/plans/<year>.mdx, content/tasks/<year>/NN.mdx, stub content/documents/*.mdx and a verbatim
 * copy under seeds/. Re-running merges: a person's edits are kept (see src/importer/plan-import.ts).
 * Exit codes: 0 done, 1 the input cannot be imported (nothing written), 2 bad command line.
 */
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError } from '../src/importer/errors.ts';
import { formatChanges, planImport, writeChanges } from '../src/importer/plan-import.ts';

const USAGE = `usage: npm run import -- <file> [--year 2020] [--out <dir>] [--dry-run]
                        [--source-url <url>] [--published YYYY-MM-DD] [--site <name>] [--issuer <name>]`;

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        year: { type: 'string' },
        out: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'source-url': { type: 'string' },
        published: { type: 'string' },
        site: { type: 'string' },
        issuer: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`import: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`import: expected one input file, got ${positionals.length}\n${USAGE}`);
    return 2;
  }
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!/^\d{4}$/.test(values.year) || year < 2000 || year > 2100) {
      console.error(`import: --year must be a year such as 2020, not "${values.year}"`);
      return 2;
    }
  }
  // npm runs scripts from the package root; paths on the command line are relative to where npm was called.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  const input = abs(positionals[0]!);
  const out = values.out !== undefined ? abs(values.out) : resolve(import.meta.dirname, '..');

  try {
    const result = planImport({
      input,
      out,
      year,
      sourceUrl: values['source-url'],
      published: values.published,
      site: values.site,
      issuer: values.issuer,
    });
    console.log(formatChanges(result, out, cwd));
    const pending = result.changes.filter((c) => c.action !== 'unchanged').length;
    if (values['dry-run']) {
      console.log(`dry run: ${pending} file${pending === 1 ? '' : 's'} would be written; nothing was written`);
    } else {
      const written = writeChanges(out, result.changes);
      console.log(`${written} file${written === 1 ? '' : 's'} written`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`import: ${positionals[0]}: ${error.message}`);
      console.error('nothing was written');
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
