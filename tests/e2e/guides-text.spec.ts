/**
 * Every guide as rendered reads cleanly: no phrase doubled by a component and the sentence around it
 * (根据它印发的<a>教育局印发的…</a>), no phrase said twice in one paragraph (不属于工作思路 …
 * 不属于工作思路). The text is what the browser shows; the rules live in src/lib/guide-check.ts and
 * are unit-tested in tests/unit/guides.spec.ts.
 */
import { test, expect } from '@playwright/test';
import { readCollection } from '../helpers/content';
import { findDoubling, type RenderedBlock } from '../../src/lib/guide-check';

const guides = readCollection<any>('content/guides');

for (const guide of guides) {
  const slug = guide.id.split('/')[1];
  test(`${guide.data.title}: no answer doubles a phrase`, async ({ page }) => {
    await page.goto(`${guide.data.plan}/guides/${slug}/`);
    const blocks: RenderedBlock[] = await page.locator('section.answer').evaluateAll((sections) =>
      sections.flatMap((section) =>
        [...section.querySelectorAll('p, li')]
          .filter((el) => !el.closest('figure') && !el.closest('.back') && !el.querySelector('p, li'))
          .map((el) => {
            const textOf = (from: Node | null, to: Node | null) => {
              const range = document.createRange();
              if (from) range.setStartAfter(from);
              else range.setStart(el, 0);
              if (to) range.setEndBefore(to);
              else range.setEnd(el, el.childNodes.length);
              return range.toString();
            };
            // A link's surroundings run to the neighbouring links, so two links in a row are not each other's echo.
            const anchors = [...el.querySelectorAll('a')];
            const ends = anchors.map((a) => (a.nextElementSibling?.classList.contains('doc-tag') ? a.nextElementSibling : a));
            const links = anchors.map((a, i) => ({
              text: a.textContent ?? '',
              before: textOf(i > 0 ? ends[i - 1]! : null, a),
              after: textOf(ends[i]!, anchors[i + 1] ?? null),
              tag: ends[i] !== a ? (ends[i]!.textContent ?? '') : undefined,
            }));
            // The plan's own words in <q> (generated lists) may name what the line names.
            const shown = el.cloneNode(true) as Element;
            shown.querySelectorAll('q').forEach((q) => q.remove());
            return { answer: section.id, text: shown.textContent ?? '', links };
          }),
      ),
    );
    expect(blocks.length, 'answers were read').toBeGreaterThan(guide.data.questions.length);
    expect(findDoubling(blocks)).toEqual([]);
  });
}
