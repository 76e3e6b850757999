/** Shared by the search tests: the site's searchable text read straight from content/, and the query set. */
import { readFileSync } from 'node:fs';
import { readCollection } from './content.ts';
import { searchCorpus } from '../../src/lib/search/lexicon-check.ts';

export function siteCorpus(): string {
  const tasks = readCollection<{ title: string; summary: string; topics?: string[] }>('content/tasks');
  const documents = readCollection<{ displayTitle: string; officialTitle: string | null; planTitle: string | null }>('content/documents');
  const terms = readCollection<{ term: string }>('content/terms');
  return searchCorpus({
    tasks: tasks.map((t) => ({ text: t.body, title: t.data.title, summary: t.data.summary, topics: t.data.topics ?? [] })),
    documents: documents.map((d) => d.data),
    terms: terms.map((t) => t.data),
  });
}

export interface QueryCase {
  q: string;
  type: 'exact' | 'synonym' | 'pinyin' | 'question' | 'document' | 'number';
  /** Paths (without the base path) of the pages that may come first. */
  expect: string[];
}

export const queryCases = (): QueryCase[] =>
  (JSON.parse(readFileSync(new URL('../search/queries.json', import.meta.url), 'utf8')) as { queries: QueryCase[] }).queries;
