/**
 * What a share image shows (a card) and the messages between the build and the drawing worker.
 * No drawing code here: the pages' bundle imports this, the worker (src/lib/share/draw-worker.ts) too.
 */

export const SHARE_WIDTH = 750;
/** The size budget of one image (250 KB): what a WeChat chat passes on without fuss. */
export const SHARE_MAX_BYTES = 250 * 1024;

/** One block of a card: a heading and its lines, each optionally led by a large figure. */
export interface ShareSection {
  heading: string;
  items: { figure?: string; text: string; note?: string }[];
  /** Shown when there are no items. */
  empty?: string;
  /** Lay the items out as tiles, this many across (figure above the words). Default: one item a line. */
  columns?: number;
}

export interface ShareCard {
  /** Top band: the plan's title. */
  band: string;
  /** Above the title: 任务21 · （六）关键实事; empty for none. */
  kicker: string;
  title: string;
  /** One sentence under the title. */
  summary: string;
  sections: ShareSection[];
  /** Footer lines: the plan's issuer and date. */
  footer: string[];
  /** The page's published address: drawn as a QR code. Without it the image shows `source` as text. */
  url: string | undefined;
  /** The plan's original address, shown when there is no published address; null when unknown (shown as 未知). */
  source: string | null;
  /** The plan's note on that address (an archived copy, say), shown under it. */
  sourceNote?: string | undefined;
}

/** One image to make: its site path (/2019/tasks/21/share.png) and its card. */
export interface ShareJob {
  path: string;
  card: ShareCard;
}

/** How the worker starts (workerData). */
export interface WorkerOptions {
  /**
   * Given when every image will be drawn: load and try out the libraries while waiting for work, with
   * the font subset to these characters (all the content's and the code's that words the cards).
   */
  warmUp?: string | undefined;
  /** Absolute path of the image cache (the font subset is kept there too). */
  cacheDir: string;
}

/** What the build hands the worker (one message); the cache it draws into came with its start. */
export interface DrawRequest {
  jobs: ShareJob[];
}

/** What the worker sends back, per image: its PNG, or the error that stopped it. */
export type DrawMessage =
  | { kind: 'png'; path: string; png: Uint8Array; drawn: boolean }
  | { kind: 'error'; path: string; message: string };
