/**
 * The care-mode transform (src/lib/care/transform.ts) on small pages: under a base path, which
 * links go into care mode and which keep their address, the care bar, head additions, table
 * labels, the search index marker, and a clear refusal naming the page when the layout's switch
 * is missing.
 */
import { test, expect } from '@playwright/test';
import { toCarePage, hasModeSwitch, CareTransformError } from '../../src/lib/care/transform.ts';
import { toCarePath, toStandardPath, isCarePath } from '../../src/lib/care/paths.ts';

const page = (body: string, head = '') =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>任务3 | 站点</title><link rel="canonical" href="https://edu.example/jyj/2019/tasks/3/"><link rel="stylesheet" href="/jyj/_astro/a.css">${head}</head>` +
  `<body><header><p class="mode-switch" data-mode-switch><a href="/jyj/care/2019/tasks/3/">关怀模式（长辈版）</a></p>` +
  `<form action="/jyj/search/" method="get"><input name="q"></form></header><main><div data-pagefind-body>${body}</div></main></body></html>`;

const options = {
  path: '/jyj/2019/tasks/3/',
  base: '/jyj/',
  site: 'https://edu.example/jyj/',
  pages: new Set(['', '2019/', '2019/tasks/3/', '2019/tasks/4/', 'search/', '404.html']),
  stylesheet: '/jyj/_astro/care.x.css',
  script: '/jyj/_astro/read-aloud.x.js',
};

test('links to pages go into care mode under the base path; files, other sites and anchors keep their address', () => {
  const out = toCarePage(page(
    '<a href="/jyj/2019/">全文</a><a href="../4/#t">下一项</a><a href="/jyj/2019/tasks/3/?x=1#p">本页</a>' +
    '<a href="#p">本段</a><a href="/jyj/data/plan.json">数据</a><a href="/jyj/changes/feed.xml">订阅</a>' +
    '<a href="https://edu.example/jyj/2019/">全文（完整地址）</a><a href="http://other.example/2019/">别的网站</a>' +
    '<a href="/jyj/care/2019/">已是关怀</a><img src="../../../favicon.svg" alt="">',
  ), options);
  expect(out).toContain('href="/jyj/care/2019/">全文');
  expect(out).toContain('href="/jyj/care/2019/tasks/4/#t">下一项');
  expect(out).toContain('href="/jyj/care/2019/tasks/3/?x=1#p">本页');
  expect(out).toContain('href="#p">本段');
  expect(out).toContain('href="/jyj/data/plan.json">数据');
  expect(out).toContain('href="/jyj/changes/feed.xml">订阅');
  expect(out).toContain('href="https://edu.example/jyj/care/2019/">全文（完整地址）');
  expect(out).toContain('href="http://other.example/2019/">别的网站');
  expect(out).toContain('href="/jyj/care/2019/">已是关怀');
  expect(out).toContain('src="/jyj/favicon.svg"');
  expect(out).toContain('action="/jyj/care/search/"');
});

test('the switch becomes the care bar; head gets noindex, the care stylesheet and script; canonical and the rest stay', () => {
  const out = toCarePage(page('<p>正文</p>', '<meta name="robots" content="index">'), options);
  expect(out).toContain('<a class="care-standard" href="/jyj/2019/tasks/3/">标准版</a>');
  expect(out).not.toContain('关怀模式（长辈版）</a>');
  // 朗读本页 goes under the page title (here: no title, so at the top of the main text), not into the header.
  expect(out).toContain('<main><div class="read-aloud no-print" id="read-aloud" data-read-skip hidden>');
  expect(toCarePage(page('<h1>标题</h1><p>正文</p>'), options)).toContain('<h1>标题</h1><div class="read-aloud no-print" id="read-aloud" data-read-skip hidden>');
  expect(out.match(/name="robots"/g)).toHaveLength(1);
  expect(out).toContain('<meta name="robots" content="noindex"><link rel="stylesheet" href="/jyj/_astro/care.x.css"><script type="module" src="/jyj/_astro/read-aloud.x.js"></script></head>');
  expect(out).toContain('<link rel="canonical" href="https://edu.example/jyj/2019/tasks/3/">');
  expect(out).toContain('<title>任务3 | 站点（关怀模式）</title>');
  expect(out).toContain('<html data-mode="care" lang="zh-CN">');
  expect(out).not.toContain('data-pagefind-body');
  expect(out).toContain('<div><p>正文</p></div>');
});

test('body cells are labelled with their column header (colspan counted), existing labels kept', () => {
  const out = toCarePage(page(
    '<table><thead><tr><th>目标</th><th colspan="2">数值与时限</th><th>状态</th></tr></thead>' +
    '<tbody><tr><th scope="row">覆盖率</th><td>65%</td><td>年底</td><td data-label="进展">未评估</td></tr></tbody></table>',
  ), options);
  expect(out).toContain('<th data-label="目标" scope="row">覆盖率</th><td data-label="数值与时限">65%</td><td data-label="数值与时限">年底</td><td data-label="进展">未评估</td>');
});

test('a page without the layout\'s switch or without main is refused, naming the page; the build only sends it pages with the switch', () => {
  expect(hasModeSwitch(page(''))).toBe(true);
  expect(hasModeSwitch('<!doctype html><title>跳转</title><meta http-equiv="refresh" content="0;url=/2019/"><p>data-mode-switch</p>')).toBe(false);
  expect(() => toCarePage(page('').replace(' data-mode-switch', ''), options)).toThrow(CareTransformError);
  expect(() => toCarePage(page('').replace(' data-mode-switch', ''), options)).toThrow(/\/jyj\/2019\/tasks\/3\/: no element with data-mode-switch/);
  expect(() => toCarePage(page('').replace(/<\/?main>/g, ''), options)).toThrow(/no <main>/);
});

test('care paths under a base path, both ways', () => {
  expect(toCarePath('/jyj/2019/tasks/3/', '/jyj/')).toBe('/jyj/care/2019/tasks/3/');
  expect(toCarePath('/jyj/', '/jyj')).toBe('/jyj/care/');
  expect(toCarePath('/jyj/care/2019/', '/jyj/')).toBe('/jyj/care/2019/');
  expect(toCarePath('/other/', '/jyj/')).toBe('/other/');
  expect(toStandardPath('/jyj/care/2019/', '/jyj/')).toBe('/jyj/2019/');
  expect(toCarePath('/2019/', '/')).toBe('/care/2019/');
  expect(isCarePath('/care/', '/')).toBe(true);
  expect(isCarePath('/careers/', '/')).toBe(false);
});
