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
