/**
 * 朗读本页 (care mode only): reads the page's main text aloud with the browser's own speech engine
 * in a zh-CN voice, sentence by sentence, highlighting the sentence being read, with pause,
 * continue and stop. The controls are in the care bar (src/lib/care/transform.ts), hidden until
 * this script shows them: without it the page is complete, just silent. Compiled and minified by
 * src/integrations/care.ts (≤ 3 KB gzip, tested).
 */

interface Piece {
  node: Text;
  start: number;
  end: number;
}
interface Sentence {
  text: string;
  pieces: Piece[];
}

/** Where a sentence ends (full stops, question and exclamation marks, semicolons, with closing quotes) or may pause (commas, colons). */
const BREAK = /[。！？!?；…]+[”’」』）)]*|[，,：:]/g;
/** A sentence longer than this is read in parts at its commas: some engines stop an utterance after about 15 seconds. */
const LONG = 60;
/** Subtrees that are not main text: controls, navigation, code, things not shown. */
const SKIP = /^(script|style|noscript|template|button|select|textarea|input|nav|svg|img)$/i;
/**
 * Page furniture, not reading text: whatever the search index also leaves out (kickers, share images, citations,
 * 见原文 links), anything marked data-read-skip, self-links (本条链接) and download links.
 */
const FURNITURE = '[data-pagefind-ignore],[data-read-skip],a[href^="#"],a[download]';
/** Addresses are never read aloud: spelled out letter by letter they mean nothing to a listener. */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s，。；、）)」"]+/g;
/** Decorative symbols between the words (breadcrumb and list marks, arrows). */
const SYMBOLS = /[›‹»«·•→←↑↓▶◀★☆※|]/g;
const HIGHLIGHT = 'read-aloud';

const box = document.getElementById('read-aloud');
const synth = window.speechSynthesis as SpeechSynthesis | undefined;
if (box) {
  const toggle = box.querySelector<HTMLButtonElement>('[data-read=toggle]')!;
  const stop = box.querySelector<HTMLButtonElement>('[data-read=stop]')!;
  const status = box.querySelector<HTMLElement>('[data-read=status]')!;
  box.hidden = false;
  const say = (s: string) => (status.textContent = s);

  let state: 'idle' | 'reading' | 'paused' = 'idle';
  let sentences: Sentence[] = [];
  let current = 0;
  /** Bumped whenever reading is stopped or restarted, so events of cancelled utterances are ignored. */
  let generation = 0;

  const setState = (next: typeof state, message: string) => {
    state = next;
    toggle.textContent = next === 'reading' ? '暂停' : next === 'paused' ? '继续' : '朗读本页';
    stop.hidden = next === 'idle';
    say(message);
  };

  const clear = () => {
    if (window.CSS?.highlights) CSS.highlights.delete(HIGHLIGHT);
    else getSelection()?.removeAllRanges();
  };

  const show = (i: number) => {
    current = i;
    const { pieces } = sentences[i]!;
    const first = pieces[0]!;
    const last = pieces[pieces.length - 1]!;
    const range = new Range();
    range.setStart(first.node, first.start);
    range.setEnd(last.node, last.end);
    if (window.CSS?.highlights) CSS.highlights.set(HIGHLIGHT, new Highlight(range));
    else {
      // Without the highlight API the selection marks the sentence.
      const sel = getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
    }
    const rect = range.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > innerHeight) first.node.parentElement?.scrollIntoView({ block: 'center' });
  };

  const play = (from: number, voice: SpeechSynthesisVoice | null) => {
    const g = ++generation;
    synth!.cancel();
    setState('reading', '正在朗读。');
    sentences.slice(from).forEach((s, k) => {
      const u = new SpeechSynthesisUtterance(s.text);
      u.lang = 'zh-CN';
      if (voice) u.voice = voice;
      u.onstart = () => g === generation && show(from + k);
      u.onend = () => {
        if (g === generation && from + k === sentences.length - 1) {
          clear();
          current = 0;
          setState('idle', '读完了。');
        }
      };
      u.onerror = (e) => {
        if (g === generation && e.error !== 'interrupted' && e.error !== 'canceled') {
          halt();
          say('朗读出错，请再试一次。');
        }
      };
      synth!.speak(u);
    });
  };

  const halt = () => {
    generation++;
    synth!.cancel();
    clear();
    current = 0;
    setState('idle', '已停止。');
  };

  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') {
    toggle.hidden = true;
    say('这个浏览器不能朗读网页。');
  } else {
    toggle.addEventListener('click', async () => {
      if (state === 'reading') {
        // Pause by stopping after the sentence being read and remembering it: pause() is unreliable on phones.
        generation++;
        synth.cancel();
        setState('paused', '已暂停。');
        return;
      }
      const voice = await chineseVoice(synth);
      if (voice === null) {
        say('这台设备的浏览器没有中文语音，无法朗读。可以在手机或电脑的系统设置里添加中文（普通话）语音后再试。');
        return;
      }
      if (state === 'idle') {
        sentences = read(document.querySelector('main'));
        current = 0;
        if (!sentences.length) return void say('本页没有可朗读的正文。');
      }
      play(current, voice);
    });
    stop.addEventListener('click', () => {
      halt();
      toggle.focus();
    });
    addEventListener('pagehide', () => synth.cancel());
  }
}

/** The best Chinese voice: zh-CN first, then other Mandarin, then any Chinese; null when there is none. */
async function chineseVoice(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice | null> {
  let voices = synth.getVoices();
  if (!voices.length) {
    // Voices load late in some browsers; wait for them, briefly.
    await new Promise((done) => {
      synth.addEventListener('voiceschanged', done, { once: true });
      setTimeout(done, 1500);
    });
    voices = synth.getVoices();
  }
  const lang = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-').toLowerCase();
  return voices.find((v) => lang(v) === 'zh-cn') ?? voices.find((v) => /^(cmn|zh)(?!-hk)/.test(lang(v))) ?? voices.find((v) => /^(zh|yue|cmn)/.test(lang(v))) ?? null;
}

/** The main text as sentences, in reading order, each with the text nodes it spans (for highlighting). */
function read(main: Element | null): Sentence[] {
  const out: Sentence[] = [];
  if (!main) return out;
  const blocks = new Map<Element, Element>();
  const blockOf = (el: Element): Element => {
    let b = blocks.get(el);
    if (!b) {
      b = el === main || !getComputedStyle(el).display.startsWith('inline') ? el : blockOf(el.parentElement!);
      blocks.set(el, b);
    }
    return b;
  };
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(n) {
      if (n.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const el = n as HTMLElement;
      // Not shown (hidden, display: none) or only for screen readers (a 1 px clipped box): not read.
      if (SKIP.test(el.tagName) || el.hidden || el.matches(FURNITURE) || el.getAttribute('aria-hidden') === 'true') return NodeFilter.FILTER_REJECT;
      if (getComputedStyle(el).display !== 'contents' && (el.getClientRects().length === 0 || (el.offsetWidth <= 1 && el.offsetHeight <= 1))) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_SKIP;
    },
  });
  let pieces: Piece[] = [];
  let block: Element | undefined;
  const flush = () => {
    const text = pieces.map((p) => p.node.data.slice(p.start, p.end)).join('').replace(SYMBOLS, ' ').replace(/\s+/g, ' ').trim();
    // A sentence needs a letter or a digit; stray punctuation is not read.
    if (/[\p{L}\p{N}]/u.test(text)) out.push({ text, pieces: pieces.filter((p) => p.node.data.slice(p.start, p.end).trim()) });
    pieces = [];
  };
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType !== Node.TEXT_NODE) continue;
    const node = n as Text;
    const b = blockOf(node.parentElement!);
    if (b !== block) flush();
    block = b;
    // The text between addresses, read sentence by sentence; an address itself is left out (and never split at its colon).
    let from = 0;
    const spans = [...node.data.matchAll(ADDRESS)].map((u) => [u.index, u.index + u[0].length]).concat([[node.data.length, 0]]);
    for (const [stop, next] of spans) {
      const at = from;
      for (const m of node.data.slice(at, stop).matchAll(BREAK)) {
        const end = at + m.index + m[0].length;
        const length = pieces.reduce((n, p) => n + p.end - p.start, end - from);
        if (/^[，,：:]$/.test(m[0]) && length < LONG) continue;
        pieces.push({ node, start: from, end });
        flush();
        from = end;
      }
      if (from < stop!) pieces.push({ node, start: from, end: stop! });
      from = next!;
    }
  }
  flush();
  return out;
}
