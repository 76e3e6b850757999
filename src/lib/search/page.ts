/**
 * The search page's script: reads ?q= and the filters from the URL, runs the query through the
 * query handling (query.ts) on Pagefind's JS API, and renders results as DOM nodes (never as HTML
 * strings, so a query or an excerpt can never inject markup). Loaded only on /search/.
 */
import { ConverterFactory } from 'opencc-js/core';
import { planQuery, rank, type Engine, type Hit, type QueryPlan } from './query.ts';
import type { CompiledLexicon } from './lexicon.ts';
import type { FilterKey } from './meta.ts';
import { isCarePath, toCarePath } from '../care/paths.ts';

interface Config {
  base: string;
  kinds: string[];
  broad: string[];
  prior: Record<string, number>;
  ranking: Record<string, unknown>;
  lexicon: CompiledLexicon;
  /** Traditional → simplified entries (src/lib/search/traditional.ts), opencc-js's dictionary format. */
  t2s: string;
}

interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string };
  locations?: number[];
}
interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: SubResult[];
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o?: { filters?: Record<string, string> }): Promise<PagefindSearch>;
  preload(q: string, o?: { filters?: Record<string, string> }): Promise<void>;
}

// Keys of FILTERS in src/lib/search/meta.ts (imported as a type only, to keep this script small).
const FILTER_KEYS = ['kind', 'part', 'audience', 'level', 'year'] as const satisfies readonly FilterKey[];
const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 200;
const MAX_SUB_RESULTS = 3;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function start(): void {
  const form = $<HTMLFormElement>('search-form');
  const input = $<HTMLInputElement>('q');
  const output = $<HTMLElement>('search-output');
  const status = $<HTMLElement>('search-status');
  const notes = $<HTMLElement>('search-notes');
  const list = $<HTMLOListElement>('search-results');
  const more = $<HTMLButtonElement>('search-more');
  const fallback = $<HTMLElement>('search-fallback');
  const selects = FILTER_KEYS.map((k) => [k, form.elements.namedItem(k) as HTMLSelectElement] as const);
  const config = JSON.parse(form.dataset.config!) as Config;
  // From a care-mode (关怀模式) search page, results open care-mode pages.
  const care = isCarePath(location.pathname, config.base);
  const open = (url: string) => (care ? toCarePath(url, config.base) : url);
  const toSimplified = ConverterFactory([config.t2s]);

  // The script runs: replace the no-JavaScript notice with the working form.
  $('search-no-js').hidden = true;
  $('search-filters').hidden = false;

  let pagefind: Promise<Pagefind> | undefined;
  /** Page id → kind, from one filter-only search per kind, so ranking knows kinds without loading results. */
  const kindOf = new Map<string, string>();
  let kindsReady: Promise<unknown> = Promise.resolve();
  const load = () =>
    (pagefind ??= import(/* @vite-ignore */ `${config.base}pagefind/pagefind.js`).then(async (pf: Pagefind) => {
      // No worker (the index is small: a worker would cost one more download and start-up), and the
      // entry file's tag from the build's preload link, so Pagefind fetches exactly what was preloaded.
      const entry = document.querySelector<HTMLLinkElement>('link[rel="preload"][href*="pagefind-entry.json?ts="]');
      const metaCacheTag = entry ? new URL(entry.href).searchParams.get('ts') : null;
      await pf.options({ baseUrl: config.base, excerptLength: 26, ranking: config.ranking, noWorker: true, ...(metaCacheTag ? { metaCacheTag } : {}) });
      await pf.init();
      // Not awaited here: these run alongside the first query's own searches.
      kindsReady = Promise.all(config.kinds.map(async (kind) => {
        for (const r of (await pf.search(null, { filters: { kind } })).results) kindOf.set(r.id, kind);
      }));
      return pf;
    }).catch((error: unknown) => {
      pagefind = undefined; // try again on the next search
      throw error;
    }));

  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const readUrl = () => {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    for (const [key, select] of selects) {
      const v = params.get(key) ?? '';
      select.value = [...select.options].some((o) => o.value === v) ? v : '';
    }
  };

  const writeUrl = (q: string, filters: Record<string, string>) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    for (const [k, v] of Object.entries(filters)) params.set(k, v);
    const qs = params.toString();
    history.replaceState(null, '', `${location.pathname}${qs ? `?${qs}` : ''}`);
  };

  const run = () =>
    search().catch((error: unknown) => {
      // The index could not be loaded (offline, a missing file): say so and offer the way round.
      console.error(error);
      output.hidden = false;
      list.replaceChildren();
      status.textContent = '搜索暂时无法使用，请稍后再试。';
      fallback.hidden = false;
      list.dataset.state = 'error';
    });

  const search = async () => {
    clearTimeout(timer);
    const started = performance.now();
    const me = ++generation;
    const q = input.value.trim();
    const filters = Object.fromEntries(selects.filter(([, s]) => s.value).map(([k, s]) => [k, s.value]));
    writeUrl(q, filters);
    list.dataset.state = 'busy';
    delete list.dataset.firstMs;
    if (!q && Object.keys(filters).length === 0) {
      output.hidden = true;
      list.replaceChildren();
      list.dataset.state = 'idle';
      return;
    }
    const pf = await load();
    const simplified = toSimplified(q);
    const plan = planQuery(simplified, config.lexicon);
    const found = new Map<string, PagefindResult>();
    let ids: string[];
    let relaxed = false;
    if (plan.variants.length === 0) {
      // No query: list what the filters select. A query of only punctuation finds nothing.
      const s = q ? { results: [] } : await pf.search(null, { filters });
      s.results.forEach((r) => found.set(r.id, r));
      ids = s.results.map((r) => r.id);
    } else {
      const cache = new Map<string, Promise<Hit[]>>();
      const engine: Engine = (query) => {
        let hits = cache.get(query);
        if (!hits) {
          hits = pf.search(query, { filters }).then(async (s) => {
            await kindsReady;
            s.results.forEach((r) => found.set(r.id, r));
            return s.results.map((r) => ({ id: r.id, score: r.score, kind: kindOf.get(r.id) }));
          });
          cache.set(query, hits);
        }
        return hits;
      };
      ({ ids, relaxed } = await rank(plan, engine, { prior: config.prior, broad: config.broad }));
    }
    if (me !== generation) return;

    output.hidden = false;
    list.replaceChildren();
    list.dataset.query = q;
    showNotes(notes, plan, relaxed, simplified !== q ? simplified : '');
    let shown = 0;
    const showMore = async () => {
      const page = ids.slice(shown, shown + PAGE_SIZE);
      shown += page.length;
      // Each result is shown as soon as its fragment has arrived and every result ranked above it
      // is shown: the first result does not wait for the tenth, and none moves once shown.
      const datas: (ResultData | undefined)[] = [];
      let next = 0;
      await Promise.all(page.map(async (id, k) => {
        datas[k] = await found.get(id)!.data();
        if (me !== generation) return;
        for (; next < page.length && datas[next]; next++) list.append(renderResult(datas[next]!, open));
        if (!list.dataset.firstMs) list.dataset.firstMs = String(Math.round(performance.now() - started));
      }));
      if (me !== generation) return;
      more.hidden = shown >= ids.length;
    };
    more.onclick = () => void showMore();
    await showMore();
    if (me !== generation) return;
    status.textContent = describe(q, ids.length, filters);
    fallback.hidden = ids.length > 0;
    list.dataset.query = q;
    list.dataset.ms = String(Math.round(performance.now() - started));
    list.dataset.state = 'done';
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), TYPING_DELAY_MS);
    // While the reader types, fetch the index chunks the words will need.
    const plan = planQuery(toSimplified(input.value.trim()), config.lexicon);
    load().then((pf) => Promise.all(plan.variants.map((v) => pf.preload(v.query)))).catch(() => undefined);
  });
  // The page exists to search: fetch the engine now, while the reader reads or types.
  load().catch(() => undefined);
  for (const [, select] of selects) select.addEventListener('change', () => void run());
  addEventListener('popstate', () => {
    readUrl();
    void run();
  });

  readUrl();
  if (location.search) void run();
}

function describe(q: string, n: number, filters: Record<string, string>): string {
  const what = q ? `“${q}”` : '所选条件';
  const scope = Object.keys(filters).length ? `（已筛选：${Object.values(filters).join('、')}）` : '';
  return n > 0 ? `${what}：找到 ${n} 个结果${scope}` : `没有找到与${what}相关的内容${scope}。可以换个说法、减少筛选条件，或按拼音搜索。`;
}

function showNotes(el: HTMLElement, plan: QueryPlan, relaxed: boolean, simplified: string): void {
  const parts: string[] = [];
  if (simplified) parts.push(`已按简体字搜索：${simplified}。`);
  if (plan.rewrites.length) parts.push(`同时按原文用语搜索：${plan.rewrites.map((r) => `${r.from} → ${r.to.join('、')}`).join('；')}。`);
  if (plan.ignored.length) parts.push(`已忽略：${plan.ignored.join('、')}。`);
  if (relaxed) parts.push('没有哪项任务或哪份文件同时包含全部词语，下面按包含词语的多少和相关程度排列。');
  el.textContent = parts.join(' ');
  el.hidden = parts.length === 0;
}

/** Pagefind's excerpt is HTML-escaped text with <mark> around hits; rebuild it as text nodes and <mark> elements. */
function excerptNodes(excerpt: string): { nodes: Node[]; marks: string[] } {
  const nodes: Node[] = [];
  const marks: string[] = [];
  let inMark = false;
  for (const piece of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') inMark = true;
    else if (piece === '</mark>') inMark = false;
    else if (piece) {
      const text = decodeEntities(piece);
      if (inMark) {
        const m = document.createElement('mark');
        m.textContent = text;
        nodes.push(m);
        marks.push(text.trim());
      } else nodes.push(document.createTextNode(text));
    }
  }
  return { nodes, marks };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: '\u00a0' };
function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, e: string) => ENTITIES[e]!);
}

/**
 * Landing on a page result highlights the words: a text fragment (#:~:text=…) that the browser
 * itself scrolls to and marks, so the target pages need no script (Pagefind's highlight script
 * would put JavaScript on every page). Only where the browser supports text fragments.
 * A sub-result keeps its plain anchor: a text directive would win over it and jump to the word's
 * first occurrence on the page instead; the anchored paragraph, row or term is marked by :target.
 */
const textFragments = typeof document !== 'undefined' && 'fragmentDirective' in document;
function withHighlight(url: string, marks: string[]): string {
  const words = [...new Set(marks.filter((m) => [...m].length >= 2))].slice(0, 3);
  if (!textFragments || words.length === 0 || url.includes('#')) return url;
  return `${url}#:~:${words.map((w) => `text=${encodeURIComponent(w)}`).join('&')}`;
}

function renderResult(d: ResultData, open: (url: string) => string): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'result';
  const meta = document.createElement('p');
  meta.className = 'result-meta';
  const kind = document.createElement('span');
  kind.className = 'kind';
  kind.textContent = d.filters.kind?.[0] ?? '页面';
  meta.append(kind);
  const parts = d.filters.part ?? [];
  if (parts.length) {
    const part = document.createElement('span');
    part.className = 'part';
    part.textContent = parts.join('、');
    meta.append(part);
  }
  const h = document.createElement('h3');
  h.className = 'result-title';
  const a = document.createElement('a');
  const excerpt = excerptNodes(d.excerpt);
  a.href = withHighlight(open(d.url), excerpt.marks);
  a.textContent = d.meta.title ?? d.url;
  h.append(a);
  const p = document.createElement('p');
  p.className = 'excerpt';
  p.append(...excerpt.nodes);
  li.append(meta, h, p);

  // The sections that match most of the query first (Pagefind lists them in page order): on the
  // full text, the paragraph with 放学, 后, 学校 and 托管 before one with 学校 alone.
  const subs = d.sub_results
    .filter((s) => s.anchor && s.title !== d.meta.title)
    .map((s, i) => ({ s, i, x: excerptNodes(s.excerpt) }))
    .sort((a, b) => new Set(b.x.marks).size - new Set(a.x.marks).size || (b.s.locations?.length ?? 0) - (a.s.locations?.length ?? 0) || a.i - b.i)
    .slice(0, MAX_SUB_RESULTS);
  if (subs.length) {
    const ul = document.createElement('ul');
    ul.className = 'subs';
    ul.setAttribute('aria-label', '页内位置');
    for (const { s, x: sub } of subs) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = open(s.url);
      link.textContent = s.title;
      const sp = document.createElement('p');
      sp.className = 'excerpt';
      sp.append(...sub.nodes);
      item.append(link, sp);
      ul.append(item);
    }
    li.append(ul);
  }
  return li;
}
