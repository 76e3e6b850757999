/** Read content files directly (no Astro) for tests that check the content itself. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const root = new URL('../../', import.meta.url).pathname;

export interface RawEntry<T = Record<string, any>> {
  file: string;
  id: string;
  data: T;
  body: string;
}

export function readEntry<T = Record<string, any>>(file: string, id = file): RawEntry<T> {
  const text = readFileSync(join(root, file), 'utf8');
  const m = text.match(/^---\n([\s\S]*?)\n---\n?([\s\S]*)$/);
  if (!m) throw new Error(`${file}: no frontmatter`);
  return { file, id, data: parse(m[1]!) as T, body: m[2]!.trim() };
}

export function readCollection<T = Record<string, any>>(dir: string): RawEntry<T>[] {
  const out: RawEntry<T>[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(root, dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.name.endsWith('.mdx')) out.push(readEntry<T>(`${dir}/${r}`, r.replace(/\.mdx$/, '')));
    }
  };
  walk('');
  return out;
}

export const seedText = () => readFileSync(join(root, 'seeds/000_511d58ae4024a847.txt'), 'utf8');

/** Every file under a directory, relative path → bytes as base64 (dot-directories included); empty if it is missing. To prove a command wrote nothing. */
export function fileTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else files.set(r, readFileSync(join(dir, r)).toString('base64'));
    }
  };
  if (existsSync(dir)) walk('');
  return files;
}
