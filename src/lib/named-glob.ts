import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';

type GlobOptions = Parameters<typeof glob>[0];

/**
 * Astro's glob() loader, with schema errors reworded to name the file and the field.
 *
 * Astro reports "tasks → 2019/05 data does not match collection schema. **number**: …", which names
 * the entry id but not the file an editor has to open. This wrapper rethrows each failure as
 * "content/tasks/2019/05.mdx: field `number`: …", one line per field.
 */
export function namedGlob(options: GlobOptions): Loader {
  const inner = glob(options);
  return {
    name: 'named-glob',
    load: (context: LoaderContext) =>
      inner.load({
        ...context,
        parseData: async (props) => {
          try {
            return await context.parseData(props);
          } catch (error) {
            throw new Error(formatSchemaError(props.filePath ?? props.id, error), { cause: error });
          }
        },
      }),
  };
}

/** Turn Astro's "**path**: message" lines into "file: field `path`: message" lines. */
export function formatSchemaError(file: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const fieldLines = [...message.matchAll(/\*\*([^*]+)\*\*: (.+)/g)]
    .filter((m) => !m[1]!.includes('→'))
    .map((m) => `${file}: field \`${m[1]}\`: ${m[2]}`);
  if (fieldLines.length === 0) return `${file}: ${message}`;
  return `Invalid frontmatter in ${file}\n${fieldLines.join('\n')}`;
}

interface PlainTextOptions {
  /** File extension of the entries, e.g. '.mdx'. */
  extension: string;
  /** Directory of the entries, relative to the project root. */
  base: string;
}

/** `---` frontmatter `---` and the rest; the rest is kept exactly as written. */
const FRONTMATTER = /^(?:\ufeff)?---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

/**
 * Entries whose body is plain text, never parsed as MDX or Markdown: the plan's paragraphs.
 *
 * A plan may hold `{…}`, a lone `{`, `<3`, `</title>`, `<!-- -->`, `![](x.png)` or a line starting
 * with `import … from`; compiled as MDX these stop the build or vanish from the page. This loader
 * reads the frontmatter (YAML) and keeps the body as a string, which components render escaped
 * (TaskText). The files keep their names and layout; nothing compiles them.
 * Errors name the file, like namedGlob's.
 */
export function plainTextGlob(options: PlainTextOptions): Loader {
  return {
    name: 'plain-text-glob',
    load: async (context: LoaderContext) => {
      const { store, parseData, generateDigest, config, watcher } = context;
      const root = fileURLToPath(config.root);
      const dir = resolve(root, options.base);
      const idOf = (abs: string) => relative(dir, abs).split(sep).join('/').slice(0, -options.extension.length);
      const isEntry = (abs: string) => abs.startsWith(dir + sep) && abs.endsWith(options.extension);

      const sync = async (abs: string) => {
        const filePath = relative(root, abs).split(sep).join('/');
        const contents = await readFile(abs, 'utf8');
        const m = FRONTMATTER.exec(contents);
        if (!m) throw new Error(`${filePath}: no frontmatter block (--- … ---) at the top of the file`);
        let raw: unknown;
        try {
          raw = parseYaml(m[1]!);
        } catch (error) {
          throw new Error(`${filePath}: frontmatter is not valid YAML: ${(error as Error).message}`, { cause: error });
        }
        const id = idOf(abs);
        let data: Record<string, unknown>;
        try {
          data = await parseData({ id, data: (raw ?? {}) as Record<string, unknown>, filePath });
        } catch (error) {
          throw new Error(formatSchemaError(filePath, error), { cause: error });
        }
        store.set({ id, data, body: m[2]!, filePath, digest: generateDigest(contents) });
        return id;
      };

      const files = existsSync(dir)
        ? readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile() && e.name.endsWith(options.extension))
          .map((e) => join(e.parentPath, e.name))
          .sort()
        : [];
      const seen = new Set<string>();
      for (const abs of files) seen.add(await sync(abs));
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);

      if (!watcher) return;
      watcher.add(dir);
      const onChange = async (abs: string) => {
        if (isEntry(abs)) await sync(abs).catch((error) => context.logger.error((error as Error).message));
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', (abs) => {
        if (isEntry(abs)) store.delete(idOf(abs));
      });
    },
  };
}
