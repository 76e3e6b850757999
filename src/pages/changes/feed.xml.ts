/** /changes/feed.xml: the change history as an Atom 1.0 feed, written with the `feed` library. */
import type { APIRoute } from 'astro';
import { Feed } from 'feed';
import { loadPlanData } from '../../lib/plan-data';
import { absoluteUrl, targetAnchor } from '../../lib/urls';

// A day as a Date at noon China Standard Time, so the day is the same in every time zone's reading.
const day = (date: string) => new Date(`${date}T12:00:00+08:00`);

export const GET: APIRoute = async () => {
  const data = await loadPlanData();
  const page = absoluteUrl('/changes/');
  const feed = new Feed({
    id: page,
    link: page,
    title: '景宁县教育局2019年工作思路：更新记录',
    description: '本站内容和目标状态的变化',
    language: 'zh-CN',
    updated: day(data.lastUpdated),
    copyright: '原文版权归景宁畲族自治县教育局',
    feedLinks: { atom: absoluteUrl('/changes/feed.xml') },
    author: { name: '景宁县教育局2019年工作思路网站' },
  });
  for (const c of data.changes) {
    const link = c.kind === 'target-status'
      ? absoluteUrl(`/${c.target.task.year}/targets/#${targetAnchor(c.target.id)}`)
      : `${page}#change-${c.id}`;
    feed.addItem({ id: `${page}#change-${c.id}`, link, title: `${c.date} ${c.title}`, description: c.summary, date: day(c.date) });
  }
  return new Response(feed.atom1(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
