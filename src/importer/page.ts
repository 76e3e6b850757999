/**
 * Web-page chrome around a scraped plan, and the metadata it carries.
 *
 * Chrome lines (dropped wherever they occur, if they are short and do not end with 。):
 *   breadcrumb     您现在的位置:景宁教育网 >> 政务公开>> 最新文件>> 正文内容   (any line with >>, ＞＞ or »)
 *   page actions   [打印文章] [添加收藏], 【打印】【关闭】, 打印本页, 关闭窗口, 返回顶部
 *   more link      更多, 更多>>
 *   article info   文章来源: 发布时间:2019年03月28日, 来源：…, 作者：…, 点击数：…, 上一篇：…
 *   date line      2019年3月28日 (alone on a line, e.g. under the signature)
 * Kept as metadata: 发布时间/发布日期 (as YYYY-MM-DD; a lone date line is the fallback),
 * 来源 (text after 来源: up to the next field), and the breadcrumb (first crumb = the site, then
 * the path without 首页/正文/正文内容).
 * The title is the first line before the first heading that contains 工作思路/工作要点/工作计划/
 * 工作重点/工作安排, else the first one with a year (2019年); other text above the first heading
 * is reported as ignored.
 */
import { ImportError } from './errors.ts';
import { classifyLine } from './markers.ts';
import { trimPlan, unbold } from './text.ts';

export interface PlanLine {
  /** 1-based line number in the input. */
  no: number;
  /** The line trimmed of spaces, U+00A0 and U+3000. */
  text: string;
  /** Whether one or more empty lines precede it (a paragraph break). */
  blankBefore: boolean;
  /** Whether the raw line starts with spaces, U+00A0 or U+3000 (a paragraph indent). */
  indented: boolean;
}

export interface PageMeta {
  /** The plan title line, bold removed. */
  title: string;
  titleLine: number;
  /** 发布时间 as YYYY-MM-DD, or null. */
  published: string | null;
  /** 来源, or null when empty/absent. */
  source: string | null;
  /** The site: first crumb of the breadcrumb, or null. */
  breadcrumbSite: string | null;
  /** Breadcrumb path between the site and the article: [政务公开, 最新文件]. */
  breadcrumb: string[];
}

export interface StrippedPage {
  meta: PageMeta;
  /** Content lines after the title, chrome removed. */
  lines: PlanLine[];
  /** Lines that were dropped as chrome, for the dry-run report. */
  chrome: PlanLine[];
  warnings: string[];
}

const SHORT = 120;
const ACTIONS = /^(?:\s*(?:\[[^\]]*\]|【[^】]*】|打印(?:文章|本页|此页)?|添加收藏|加入收藏|关闭(?:窗口|本页)?|返回顶部|分享到[:：]?.*))+\s*$/u;
const MORE = /^更多\s*(?:>>|＞＞|»|…+|\.{3})?$/u;
const INFO = /(文章来源|信息来源|发布时间|发布日期|^来源[:：]|作者[:：]|点击(?:数|次数|率)?[:：]|浏览(?:次数|量)?[:：]|阅读(?:次数|量)?[:：]|^上一篇|^下一篇|^字号[:：]?)/u;
const CRUMB_SEP = /\s*(?:>>|＞＞|»|›)\s*/u;
const DATE_ONLY = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/u;
const PUBLISHED = /发布(?:时间|日期)\s*[:：]\s*(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})/u;
const SOURCE = /来源\s*[:：]\s*(.*?)\s*(?=(?:发布|作者|点击|浏览|阅读|时间|日期)|$)/u;
const TITLE_WORDS = /工作(?:思路|要点|计划|重点|安排)/u;
const TITLE_YEAR = /\d{4}\s*年/u;

const isoDate = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

function isCrumbLine(text: string): boolean {
  return /(您现在的位置|当前位置|所在位置)/u.test(text) || CRUMB_SEP.test(text);
}

/** Whether a trimmed line is page chrome (see the module comment). */
export function isChrome(text: string): boolean {
  if (text.length > SHORT || text.endsWith('。')) return false;
  return isCrumbLine(text) || ACTIONS.test(text) || MORE.test(text) || INFO.test(text) || DATE_ONLY.test(text);
}

function parseCrumbs(text: string): { site: string | null; path: string[] } {
  const after = text.replace(/^.*?(?:您现在的位置|当前位置|所在位置)\s*(?:是)?\s*[:：]?\s*/u, '');
  const crumbs = after.split(CRUMB_SEP).map(trimPlan).filter(Boolean);
  const noise = new Set(['首页', '主页', '网站首页', '正文', '正文内容', '内容', '详细内容']);
  const site = crumbs[0] && !noise.has(crumbs[0]) ? crumbs[0] : null;
  const path = crumbs.slice(1).filter((c) => !noise.has(c));
  return { site, path };
}

/** Split the text into lines, drop chrome, find the title and the page metadata. */
export function stripChrome(text: string): StrippedPage {
  const raw = text.split('\n');
  const kept: PlanLine[] = [];
  const chrome: PlanLine[] = [];
  let blank = false;
  let published: string | null = null;
  let dateLine: string | null = null;
  let source: string | null = null;
  let crumbs: { site: string | null; path: string[] } | null = null;
  raw.forEach((rawLine, i) => {
    const line = trimPlan(rawLine);
    if (!line) {
      blank = true;
      return;
    }
    const entry: PlanLine = { no: i + 1, text: line, blankBefore: blank, indented: /^[\s\u00a0\u3000]/u.test(rawLine) };
    blank = false;
    if (!isChrome(line)) {
      kept.push(entry);
      return;
    }
    chrome.push(entry);
    if (isCrumbLine(line) && !crumbs) crumbs = parseCrumbs(line);
    const p = PUBLISHED.exec(line);
    if (p && !published) published = isoDate(p[1]!, p[2]!, p[3]!);
    const d = DATE_ONLY.exec(line);
    if (d && !dateLine) dateLine = isoDate(d[1]!, d[2]!, d[3]!);
    const s = SOURCE.exec(line);
    if (s && source === null && trimPlan(s[1]!)) source = trimPlan(s[1]!);
  });

  // The head: lines before the first heading or numbered line.
  const firstHeading = kept.findIndex((l) => classifyLine(l.text) !== null);
  const head = firstHeading < 0 ? kept : kept.slice(0, firstHeading);
  const titleIndex = (() => {
    const byWords = head.findIndex((l) => TITLE_WORDS.test(l.text));
    return byWords >= 0 ? byWords : head.findIndex((l) => TITLE_YEAR.test(l.text) && !l.text.endsWith('。'));
  })();
  if (titleIndex < 0) {
    const at = kept[0]?.no ?? 1;
    throw new ImportError(
      'no title line found; expected a line such as 景宁畲族自治县教育局2020年工作要点 (containing 工作思路, 工作要点 or a year) before the first heading',
      at,
    );
  }
  const titleLine = head[titleIndex]!;
  const warnings = head
    .filter((l) => l !== titleLine)
    .map((l) => `line ${l.no}: text above the first heading is not imported: ${l.text.slice(0, 40)}`);
  const lines = kept.slice(firstHeading < 0 ? kept.length : firstHeading);
  const found = crumbs as { site: string | null; path: string[] } | null;
  return {
    meta: {
      title: trimPlan(unbold(titleLine.text)),
      titleLine: titleLine.no,
      published: published ?? dateLine,
      source,
      breadcrumbSite: found?.site ?? null,
      breadcrumb: found?.path ?? [],
    },
    lines,
    chrome,
    warnings,
  };
}
