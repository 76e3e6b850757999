/**
 * Read a QR code as a phone would: take the pixels the browser paints (a screenshot of the element
 * with a white margin around it, the quiet zone a scanner needs) and decode them with jsQR. The
 * decoded text is what a reader's phone opens; the page's own idea of the address is not trusted.
 */
import type { Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export async function decodeQr(page: Page, qr: Locator): Promise<string | null> {
  await qr.scrollIntoViewIfNeeded();
  const box = await qr.boundingBox();
  if (!box) throw new Error('the QR code is not rendered');
  const pad = 16;
  const png = PNG.sync.read(await page.screenshot({ clip: { x: box.x - pad, y: box.y - pad, width: box.width + 2 * pad, height: box.height + 2 * pad } }));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}
