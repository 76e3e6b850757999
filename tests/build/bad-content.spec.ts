/**
 * Bad content is refused: each fixture breaks one entry, builds a copy of the project in a
 * temporary folder, and expects the build to fail with a message naming the file and the field.
 * Building in a copy means a failed build can never leave a half-written site in dist/.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../helpers/content';
import { copyProject, buildIn } from '../helpers/project-copy';

interface Fixture {
  name: string;
  file: string;
  /** Turn the real file's text into the broken one. */
  edit: (text: string) => string;
  /** Write the result to this path instead (a new entry). */
  writeTo?: string;
  expected: RegExp[];
}

const fixtures: Fixture[] = [
  {
    name: 'wrong type',
    file: 'content/tasks/2019/05.mdx',
    edit: (t) => t.replace(/^number: 5$/m, 'number: "五"'),
    expected: [/content\/tasks\/2019\/05\.mdx/, /field `number`/],
  },
  {
    name: 'missing required field',
    file: 'content/tasks/2019/07.mdx',
    edit: (t) => t.replace(/^title: .*\n/m, ''),
    expected: [/content\/tasks\/2019\/07\.mdx/, /field `title`/],
  },
  {
    name: 'unknown document reference',
    file: 'content/tasks/2019/21.mdx',
    edit: (t) => t.replace(/^documents: .*$/m, 'documents: [no-such-document]'),
    expected: [/content\/tasks\/2019\/21\.mdx: field `documents\[0\]`: unknown document "no-such-document"/],
  },
  {
    name: 'duplicate task number',
    file: 'content/tasks/2019/22.mdx',
    writeTo: 'content/tasks/2019/22-copy.mdx',
    edit: (t) => t.replace(/id: t22-/g, 'id: t22copy-'),
    expected: [/content\/tasks\/2019\/22-copy\.mdx: field `number`: duplicate task number 22 \(also in content\/tasks\/2019\/22\.mdx\)/],
  },
  {
    name: 'target quote not in the plan',
    file: 'content/tasks/2019/04.mdx',
    edit: (t) => t.replace('公办园覆盖面达到65%以上', '公办园覆盖面达到60%以上').replace(/(\n---\n[\s\S]*)公办园覆盖面达到60%以上/, '$1公办园覆盖面达到65%以上'),
    expected: [/content\/tasks\/2019\/04\.mdx: field `targets\[\d+\]\.quote`: "公办园覆盖面达到60%以上" is not in the task's text/],
  },
  {
    name: 'status contradicting the newest evidence',
    file: 'content/tasks/2019/04.mdx',
    edit: (t) => t.replace(
      '    quote: "公办园覆盖面达到65%以上"\n',
      '    quote: "公办园覆盖面达到65%以上"\n    status: 已完成\n    evidence:\n      - date: "2019-12-20"\n        status: 已完成\n        source: "https://www.jingning.gov.cn/a.html"\n      - date: "2020-03-01"\n        status: 已调整\n        source: "https://www.jingning.gov.cn/b.html"\n',
    ),
    expected: [/content\/tasks\/2019\/04\.mdx: field `targets\[0\]\.status`: "已完成" contradicts the newest evidence \(targets\[0\]\.evidence\[1\], 2020-03-01: "已调整"\)/],
  },
  {
    name: 'a 时间节点 without a date',
    file: 'content/tasks/2019/21.mdx',
    edit: (t) => t.replace(/^    deadline: .*\n/m, ''),
    expected: [/content\/tasks\/2019\/21\.mdx: field `targets\[0\]\.deadline` \(t21-after-school-care-start\): kind milestone needs a deadline/],
  },
  {
    name: 'a threshold without a value',
    file: 'content/tasks/2019/04.mdx',
    edit: (t) => t.replace(/^    value: 65\n/m, ''),
    expected: [/content\/tasks\/2019\/04\.mdx: field `targets\[0\]\.value` \(t04-public-kindergarten-coverage\): kind percent-threshold needs a value/],
  },
  {
    name: 'a zero shown as a bare 0',
    file: 'content/tasks/2019/22.mdx',
    edit: (t) => t.replace(/^    word: 杜绝\n/m, ''),
    expected: [/content\/tasks\/2019\/22\.mdx: field `targets\[\d\]\.word` \(t22-no-commercial-apps\): kind zero needs the plan's word/],
  },
  {
    name: 'evidence source not https',
    file: 'content/tasks/2019/04.mdx',
    edit: (t) => t.replace(
      '    quote: "公办园覆盖面达到65%以上"\n',
      '    quote: "公办园覆盖面达到65%以上"\n    status: 已完成\n    evidence:\n      - date: "2019-12-20"\n        status: 已完成\n        source: "http://www.jingning.gov.cn/a.html"\n',
    ),
    expected: [/content\/tasks\/2019\/04\.mdx/, /targets\.0\.evidence\.0\.source|targets\[0\]\.evidence\[0\]\.source/, /expected an https address/],
  },
  {
    name: 'a change naming a page the site does not build',
    file: 'content/changes/2026-12-01-targets-review.mdx',
    edit: (t) => t.replace('paths: ["/2019/targets/"', 'paths: ["/2019/goals/"'),
    expected: [/content\/changes\/2026-12-01-targets-review\.mdx: field `paths\[0\]`: "\/2019\/goals\/" is not a page this site builds/],
  },
  {
    name: 'a date that does not exist',
    file: 'content/changes/2026-11-29-first-publication.mdx',
    // Shaped like a date, but February has no 30th: a pattern accepts it, z.iso.date() does not.
    edit: (t) => t.replace(/^date: "2026-11-29"$/m, 'date: "2019-02-30"'),
    expected: [/content\/changes\/2026-11-29-first-publication\.mdx/, /field `date`/, /expected a real date as YYYY-MM-DD/],
  },
  {
    name: 'guide quote not in the plan',
    file: 'content/guides/2019/parents.mdx',
    edit: (t) => t.replace('text="2019年秋季学期开始,条件具备', 'text="2019年春季学期开始,条件具备'),
    expected: [/content\/guides\/2019\/parents\.mdx: body: <PlanQuote task=\{21\}>: "2019年春季学期开始,条件具备.*" is not in task 21's text/],
  },
];

for (const fixture of fixtures) {
  test(`bad content is refused: ${fixture.name}`, async () => {
    test.setTimeout(120_000);
    const dir = copyProject(`bad-${fixture.name}`);
    const original = readFileSync(join(root, fixture.file), 'utf8');
    const broken = fixture.edit(original);
    expect(broken, 'the fixture must change the file').not.toBe(original);
    writeFileSync(join(dir, fixture.writeTo ?? fixture.file), broken);

    const realIndex = join(root, 'dist/index.html');
    const before = existsSync(realIndex) ? statSync(realIndex).mtimeMs : 0;
    const result = buildIn(dir);
    const output = result.output;
    expect(result.status, output).not.toBe(0);
    for (const pattern of fixture.expected) expect(output).toMatch(pattern);
    expect(existsSync(join(dir, 'dist/index.html')), 'a failed build must not publish pages').toBe(false);
    expect(existsSync(realIndex) ? statSync(realIndex).mtimeMs : 0, 'the real site is untouched').toBe(before);
    rmSync(dir, { recursive: true, force: true });
  });
}
