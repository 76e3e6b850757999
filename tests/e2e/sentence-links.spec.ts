/**
 * "Every claim links the sentence it rests on": every 见原文 / 出自…原文 / 在全文中查看此句 link on
 * the guides, targets, terms and document pages points at one sentence of the full text
 * (#task-N-sK), and that sentence holds the start of the words quoted beside the link.
 */
import { test, expect, type Page } from '@playwright/test';
import { readCollection } from '../helpers/content';

/** Quoted words up to the end of their first sentence, without the …… that marks a cut. */
const firstSentence = (quote: string) => quote.replace(/……/g, '').trim().replace(/。[\s\S]*$/, '。');

/** id → text of every sentence span on the full-text page. */
async function sentenceTexts(page: Page, year: string): Promise<Map<string, string>> {
  await page.goto(`${year}/`);
  const pairs = await page.locator('.para .sentence[id]').evaluateAll((els) => els.map((e) => [e.id, e.textContent ?? ''] as const));
  return new Map(pairs);
}

/** [quoted words, link href] for every source link on a page. */
async function sourceLinks(page: Page, url: string): Promise<{ quote: string; href: string }[]> {
  await page.goto(url);
  return page.evaluate(() => {
    const out: { quote: string; href: string }[] = [];
    // Guide quotes: the blockquote and its 出自…原文 link.
    for (const fig of document.querySelectorAll('figure.plan-quote')) {
      out.push({ quote: fig.querySelector('blockquote')!.textContent ?? '', href: fig.querySelector('figcaption a')!.getAttribute('href')! });
    }
    // Target rows, timeline, promised documents, term definitions: <q>words</q> then the link.
    for (const q of document.querySelectorAll('q')) {
      let next = q.nextElementSibling;
      if (next?.tagName !== 'A') next = q.parentElement?.querySelector('q ~ a') ?? null;
      const href = next?.getAttribute('href');
      // Inside the site's quotation marks the plan's own “” read as ‘’ (nestQuotes): compare the plan's marks.
      if (href && /#task-/.test(href)) out.push({ quote: (q.textContent ?? '').replace(/‘/g, '“').replace(/’/g, '”'), href });
    }
    // Term occurrences: "任务N：sentence" with the task label as the link.
    for (const li of document.querySelectorAll('.term li')) {
      const a = li.querySelector('a[href*="#task-"]');
      const text = li.textContent ?? '';
      if (a && !li.querySelector('q') && text.includes('：')) out.push({ quote: text.slice(text.indexOf('：') + 1), href: a.getAttribute('href')! });
    }
    // Document pages: the citing sentence and 在全文中查看此句.
    for (const li of document.querySelectorAll('.citations li')) {
      out.push({ quote: li.querySelector('blockquote')!.textContent ?? '', href: li.querySelector('a[href*="#task-"]')!.getAttribute('href')! });
    }
    return out;
  });
}

test('every source link on guides, targets, terms and document pages lands on the sentence it quotes', async ({ page }) => {
  const sentences = await sentenceTexts(page, '2019');
  expect(sentences.size).toBeGreaterThan(0);
  const guides = readCollection<any>('content/guides').filter((g) => g.data.plan === '2019').map((g) => `/2019/guides/${g.id.split('/')[1]}/`);
  const documents = readCollection<any>('content/documents').map((d) => `/documents/${d.id}/`);
  const pages = [...guides, '/2019/targets/', '/2019/terms/', ...documents];
  expect(guides.length).toBeGreaterThan(0);
  const problems: string[] = [];
  let checked = 0;
  for (const url of pages) {
    for (const { quote, href } of await sourceLinks(page, url.replace(/^\//, ''))) {
      checked++;
      const id = href.split('#')[1] ?? '';
      if (!/^task-\d+-s\d+$/.test(id)) { problems.push(`${url}: "${quote.slice(0, 20)}" links ${href}, not a sentence`); continue; }
      const text = sentences.get(id);
      if (text === undefined) problems.push(`${url}: ${href} is no sentence of the full text`);
      else if (!text.includes(firstSentence(quote))) problems.push(`${url}: ${href} holds "${text}", not "${firstSentence(quote)}"`);
    }
  }
  console.log(`sentence links checked: ${checked} on ${pages.length} pages`);
  expect(checked).toBeGreaterThan(pages.length);
  expect(problems, problems.join('\n')).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a guide quote\'s link lands on the element holding that exact sentence, and the paragraph anchor still works', async ({ page }) => {
    await page.goto('2019/guides/public/');
    const figure = page.locator('figure.plan-quote').first();
    const quote = firstSentence((await figure.locator('blockquote').textContent()) ?? '');
    await figure.locator('figcaption a').click();
    await expect(page).toHaveURL(/\/2019\/#task-\d+-s\d+$/);
    const target = page.locator('.sentence:target');
    await expect(target).toHaveCount(1);
    await expect(target).toBeInViewport();
    await expect(target).toContainText(quote);
    // The sentence is marked for the eye (the :target rule), not only scrolled to.
    const bg = await target.evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');
    const task = /#(task-\d+)-s/.exec(page.url())![1];
    await page.goto(`2019/#${task}`);
    await expect(page.locator(`#${task}`)).toBeInViewport();
    await expect(page.locator('.sentence:target')).toHaveCount(0);
  });
});
