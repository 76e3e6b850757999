/** /changes/feed.xml: the change history as an Atom 1.0 feed, written with the `feed` library. */
import type { APIRoute } from 'astro';
import { createHash } from 'node:crypto';
import { Feed } from 'feed';
import { loadPlanData } from '../../lib/plan-data';
import { absoluteUrl, siteUrl, targetAnchor, targetsPath, withBase } from '../../lib/urls';
import { longDate } from '../../lib/site';

// A day as a Date at noon China Standard Time, so the day is the same in every time zone's reading.
const day = (date: string) => new Date(`${date}T12:00:00+08:00`);

// Without SITE_URL there is no published address. Atom ids must be absolute IRIs: stable urn:uuid ids
// made from the site path. Links may be relative references (RFC 4287 §3.4) and are written as site
// paths; the `feed` library only accepts absolute URLs, so it gets them on a stand-in origin that is
// cut off below and never reaches the output (the build test greps every file for placeholder hosts).
const STAND_IN = 'https://stand-in.invalid';
const href = (path: string) => absoluteUrl(path) ?? `${STAND_IN}${withBase(path)}`;
const urn = (path: string) => {
  const h = createHash('sha1').update(withBase(path)).digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const id = (path: string) => absoluteUrl(path) ?? urn(path);

export const GET: APIRoute = async () => {
  const data = await loadPlanData();
  const feed = new Feed({
    id: id('/changes/'),
    link: href('/changes/'),
    title: `${data.site.name}：更新记录`,
    // Which plans the site carries, each with its date, so a reader of the feed alone knows.
    description: `本站内容和目标状态的变化。收录：${data.site.plans.map((p) => `《${p.title}》（${longDate(p.published)}发布）`).join('、')}`,
    language: 'zh-CN',
    updated: day(data.lastUpdated),
    copyright: `原文版权归${[...new Set(data.site.plans.map((p) => p.issuer))].join('、')}`,
    feedLinks: { atom: href('/changes/feed.xml') },
    author: { name: `${data.site.name}网站` },
  });
  for (const c of data.changes) {
    const own = `/changes/#change-${c.id}`;
    const link = c.kind === 'target-status' ? href(`${targetsPath(c.target.task.year)}#${targetAnchor(c.target.id)}`) : href(own);
    feed.addItem({ id: id(own), link, title: `${c.date} ${c.title}`, description: c.summary, date: day(c.date) });
  }
  // Titles and summaries are plain text (a title with "<" means the character), but the library
  // declares every entry's title and summary as type="html": declare them as what they are. The
  // CDATA sections stay; in a text construct they are the text itself.
  const atom = feed.atom1().replace(/<(title|summary) type="html">/g, '<$1 type="text">');
  const xml = siteUrl ? atom : atom.replaceAll(STAND_IN, '');
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
