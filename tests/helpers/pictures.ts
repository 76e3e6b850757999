/**
 * What a reader sees of the pictures (一图读懂, the target charts): measured in the browser on the
 * page as drawn, so the checks hold for whatever the layout code and the plan's data produce.
 */
import type { Page } from '@playwright/test';

export interface PictureCheck {
  /** The smallest rendered text size a reader can still read, in CSS px (SVG text and HTML text). */
  minPx: number;
  /** The smallest rendered size of the words drawn in a picture (default minPx). */
  minDrawnPx?: number;
  /** Windows high contrast: every colour in a drawing must be one of the system colours. */
  forcedColors?: boolean;
  /** On paper nothing can scroll: a scroll box hiding content is a problem (on screen it may scroll). */
  paper?: boolean;
}

/**
 * The problems of every `figure.picture` on the page, one line each (empty when there are none):
 * - a label or mark drawn outside the drawing's box (the SVG clips it);
 * - two labels on top of each other;
 * - a label smaller than `minPx` as rendered (font size × the drawing's scale);
 * - a label under 4.5:1 contrast with what it is drawn on (3:1 when large), a bar or dot (.fill-mark)
 *   under 3:1, a shape the same colour as the shape under it (a bar lost in its track), a shape on the
 *   page with neither a fill nor an outline that shows;
 * - under forced colours, a colour that is not a system colour (the reader's theme would not apply);
 * - caption or list text wider than its box, or sticking out of the figure;
 * - on paper, content hidden in a scroll box.
 */
export function pictureProblems(page: Page, check: PictureCheck): Promise<string[]> {
  return page.evaluate(({ minPx, minDrawnPx, forcedColors, paper }) => {
    const out: string[] = [];
    const transparent = (c: string) => c === 'transparent' || c === 'none' || /^rgba\(.*,\s*0\)$/.test(c);
    const probe = (color: string) => {
      const d = document.createElement('div');
      d.style.color = color;
      document.body.append(d);
      const v = getComputedStyle(d).color;
      d.remove();
      return v;
    };
    const system = new Set(['Canvas', 'CanvasText', 'Highlight', 'HighlightText', 'LinkText', 'GrayText', 'ButtonFace', 'ButtonText', 'Mark', 'MarkText', 'VisitedText', 'ActiveText'].map(probe));
    const backgroundOf = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = getComputedStyle(e).backgroundColor;
        if (!transparent(c)) return c;
      }
      return forcedColors ? probe('Canvas') : 'rgb(255, 255, 255)';
    };
    // WCAG contrast of two computed colours (a translucent one laid over white, as on the page).
    const luminance = (c: string) => {
      const [r, g, b, a = 1] = (c.match(/[\d.]+/g) ?? ['0', '0', '0']).map(Number) as [number, number, number, number?];
      return [r, g, b].map((v) => {
        const x = (v * a + 255 * (1 - a)) / 255;
        return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    };
    const contrast = (a: string, b: string) => {
      const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m) as [number, number];
      return (x + 0.05) / (y + 0.05);
    };
    const label = (el: Element) => `${el.tagName}${el.getAttribute('class') ? `.${el.getAttribute('class')}` : ''} “${(el.textContent ?? '').trim().slice(0, 20)}”`;

    for (const figure of document.querySelectorAll('figure.picture')) {
      const name = `#${figure.id}`;
      const svg = figure.querySelector('svg')!;
      const vb = svg.viewBox.baseVal;
      const scale = svg.getBoundingClientRect().width / vb.width;
      const bg = backgroundOf(svg);
      const texts = [...svg.querySelectorAll('text')];
      const shapes = [...svg.querySelectorAll<SVGGraphicsElement>('rect, circle')];
      const box = (el: SVGGraphicsElement) => el.getBBox();
      // The filled shape drawn before `el` (so under it) that holds `el`'s centre.
      const under = (el: SVGGraphicsElement) => {
        const b = box(el);
        const cx = b.x + b.width / 2;
        const cy = b.y + b.height / 2;
        return shapes
          .filter((s) => s !== el && s.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)
          .filter((s) => {
            const sb = box(s);
            return cx >= sb.x && cx <= sb.x + sb.width && cy >= sb.y && cy <= sb.y + sb.height && !transparent(getComputedStyle(s).fill);
          })
          .at(-1);
      };
      for (const el of [...texts, ...shapes, ...svg.querySelectorAll<SVGGraphicsElement>('line')]) {
        const b = box(el);
        const slack = 1.5; // half an outline
        if (b.x < vb.x - slack || b.y < vb.y - slack || b.x + b.width > vb.x + vb.width + slack || b.y + b.height > vb.y + vb.height + slack) {
          out.push(`${name}: ${label(el)} is cut off: drawn at ${Math.round(b.x)},${Math.round(b.y)}–${Math.round(b.x + b.width)},${Math.round(b.y + b.height)} in a ${vb.width}×${vb.height} drawing`);
        }
        const style = getComputedStyle(el);
        if (forcedColors) {
          for (const [prop, value] of [['fill', style.fill], ['stroke', style.stroke]] as const) {
            if (el.tagName === 'line' && prop === 'fill') continue;
            if (!transparent(value) && !system.has(value)) out.push(`${name}: ${label(el)} ${prop} ${value} is not a system colour`);
          }
        }
      }
      for (const t of [...svg.querySelectorAll('text, tspan')]) {
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (px < minDrawnPx) out.push(`${name}: ${label(t)} is ${px.toFixed(1)} px, under ${minDrawnPx} px`);
      }
      // Words: 4.5:1 against what they are drawn on (3:1 when large: 24 px, or 18.7 px bold).
      for (const t of texts) {
        const s = under(t);
        const behind = s ? getComputedStyle(s).fill : bg;
        const style = getComputedStyle(t);
        const px = parseFloat(style.fontSize) * scale;
        const need = px >= 24 || (px >= 18.66 && Number(style.fontWeight) >= 700) ? 3 : 4.5;
        const ratio = contrast(style.fill, behind);
        if (ratio < need) out.push(`${name}: ${label(t)} (${style.fill}) on ${s ? label(s) : 'the page'} (${behind}): contrast ${ratio.toFixed(2)}, under ${need}`);
      }
      // The marks that carry the data (class fill-mark: a bar, a dot): 3:1 against what they stand on (WCAG 1.4.11).
      for (const m of svg.querySelectorAll<SVGGraphicsElement>('.fill-mark')) {
        const s = under(m);
        const behind = s ? getComputedStyle(s).fill : bg;
        const ratio = contrast(getComputedStyle(m).fill, behind);
        if (ratio < 3) out.push(`${name}: ${label(m)} (${getComputedStyle(m).fill}) on ${s ? label(s) : 'the page'} (${behind}): contrast ${ratio.toFixed(2)}, under 3`);
      }
      for (const s of shapes) {
        const below = under(s);
        const style = getComputedStyle(s);
        if (below) {
          if (style.fill === getComputedStyle(below).fill) out.push(`${name}: ${label(s)} is filled ${style.fill} like ${label(below)} under it: it does not show`);
        } else if ((transparent(style.fill) || style.fill === bg) && (transparent(style.stroke) || style.stroke === bg || parseFloat(style.strokeWidth) === 0)) {
          out.push(`${name}: ${label(s)} (${style.fill}, outline ${style.stroke}) does not show on the page (${bg})`);
        }
      }
      for (const l of svg.querySelectorAll('line')) {
        if (getComputedStyle(l).stroke === bg) out.push(`${name}: ${label(l)} is the page's colour`);
      }
      // Two labels on top of each other: their boxes, less the font's leading, intersect.
      const glyphs = texts.map((t) => {
        const b = box(t);
        const inset = parseFloat(getComputedStyle(t).fontSize) * 0.2;
        return { t, x1: b.x, x2: b.x + b.width, y1: b.y + inset, y2: b.y + b.height - inset };
      });
      for (const [i, a] of glyphs.entries()) {
        for (const b of glyphs.slice(i + 1)) {
          if (Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 1 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 1) out.push(`${name}: ${label(a.t)} overlaps ${label(b.t)}`);
        }
      }

      // The caption and the facts beside the drawing: within the figure, no text wider than its box.
      const fig = figure.getBoundingClientRect();
      for (const el of figure.querySelectorAll(':scope > :not(.drawing), :scope > :not(.drawing) *')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || getComputedStyle(el).display === 'none') continue;
        let scrolls = false;
        for (let a = el.parentElement; a && a !== figure && !scrolls; a = a.parentElement) scrolls = getComputedStyle(a).overflowX !== 'visible';
        if (!scrolls && (r.left < fig.left - 0.5 || r.right > fig.right + 0.5)) out.push(`${name}: ${label(el)} sticks out of the figure (${Math.round(r.left)}–${Math.round(r.right)} px, figure ${Math.round(fig.left)}–${Math.round(fig.right)} px)`);
        const style = getComputedStyle(el);
        if (style.display !== 'inline' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
          if (paper || style.overflowX === 'visible') out.push(`${name}: ${label(el)} holds content ${el.scrollWidth} px wide in a ${el.clientWidth} px box${style.overflowX === 'visible' ? '' : ' (hidden on paper)'}`);
        }
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
        if (own && parseFloat(style.fontSize) < minPx) out.push(`${name}: ${label(el)} text is ${style.fontSize}, under ${minPx} px`);
        // A short label in a cell of its own (任务12, 未评估, a column heading) stacked a character or two
        // per line is hard to read. (Running text may break anywhere, as Chinese text does.)
        const text = (el.textContent ?? '').trim();
        const labelBox = /^(block|inline-block|table-cell|table-caption|list-item)$/.test(style.display) && [...el.children].every((c) => getComputedStyle(c).display === 'inline');
        if (labelBox && text && [...text].length <= 5) {
          const range = document.createRange();
          range.selectNodeContents(el);
          const tops: number[] = [];
          for (const r of range.getClientRects()) if (r.width > 0 && !tops.some((t) => Math.abs(t - r.top) < parseFloat(style.fontSize) / 2)) tops.push(r.top);
          if (tops.length > 1) out.push(`${name}: ${label(el)} is broken over ${tops.length} lines`);
        }
      }
    }
    return out;
  }, { minPx: check.minPx, minDrawnPx: check.minDrawnPx ?? check.minPx, forcedColors: check.forcedColors ?? false, paper: check.paper ?? false });
}

/** A4 (210 × 297 mm) less print.css's @page margins (1.4 cm each side, 1.6 cm top and bottom), in CSS px. */
export const A4_CONTENT = { width: Math.floor(((210 - 28) / 25.4) * 96), height: Math.floor(((297 - 32) / 25.4) * 96) };

/**
 * Numbers parted from their unit at a line break (5 | 所, 65 | %, 2019 | 年), or 任务 | 21, in the text under `selector`
 * (drawings aside: their lines are laid out at build time), as “…5|所…”.
 */
export function splitNumbers(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const out: string[] = [];
    for (const root of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.parentElement?.closest('svg') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      // A number and its unit may sit in neighbouring text nodes: check each pair of adjacent characters
      // digit→unit across the whole run of text, wherever the node boundaries fall.
      const chars = nodes.flatMap((node) => [...node.data].map((ch, i) => ({ node, i, ch })));
      const top = (c: { node: Text; i: number }) => {
        const r = document.createRange();
        r.setStart(c.node, c.i);
        r.setEnd(c.node, c.i + 1);
        const rects = [...r.getClientRects()].filter((b) => b.width > 0);
        return rects.length ? rects[0]!.top : null;
      };
      for (let k = 0; k + 1 < chars.length; k++) {
        const [a, b] = [chars[k]!, chars[k + 1]!];
        // 任务21 is one name too.
        const taskName = a.ch === '务' && chars[k - 1]?.ch === '任' && /\d/.test(b.ch);
        if (!taskName && (!/\d/.test(a.ch) || !/[%\u4e00-\u9fff\d]/.test(b.ch))) continue;
        const [ta, tb] = [top(a), top(b)];
        if (ta !== null && tb !== null && Math.abs(ta - tb) > 4) out.push(`…${chars.slice(Math.max(0, k - 6), k + 1).map((c) => c.ch).join('')}|${chars.slice(k + 1, k + 4).map((c) => c.ch).join('')}…`);
      }
    }
    return out;
  }, selector);
}
