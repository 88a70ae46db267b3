// Shared by the popup's e2e files: opening the popup at its real size, typing into labelled
// fields, and checking a screen in both colour schemes (axe: 0 violations, no rule turned off),
// with a screenshot of each in test/artifacts/popup (dark ones with a -dark suffix).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { formatViolations, runAxe } from './harness/axe';
import { ARTIFACTS_DIR } from './harness/config';
import type { BrowserUnderTest, TestPage } from './harness/types';

export const SHOTS = path.join(ARTIFACTS_DIR, 'popup');
/** The popup's size in both browsers' toolbars. */
export const POPUP_WIDTH = 360;
export const POPUP_HEIGHT = 600;

/** A tab showing the popup page at the popup's size, once it has rendered a screen. */
export async function openPopupPage(browser: BrowserUnderTest, pathname = 'popup.html'): Promise<TestPage> {
  const page = await browser.openPopup(pathname);
  await page.setViewport(POPUP_WIDTH, POPUP_HEIGHT);
  try {
    await page.waitFor(() => document.querySelector('h2, .sheet h1') !== null, { message: 'the popup to render' });
  } catch (e) {
    const logged = page.console().map((c) => `${c.type}: ${c.text}`);
    throw new Error(`${(e as Error).message}; body: ${await page.evaluate(() => document.body.innerHTML)}; console: ${logged.join(' | ')}`);
  }
  return page;
}

/** Types into the field labelled `label` (passwords have no ARIA role, so no fillByRole). */
export async function typeInto(page: TestPage, label: string, text: string): Promise<void> {
  await page.waitFor(
    (label: string, text: string) => {
      const owner = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
      const field = owner?.htmlFor ? (document.getElementById(owner.htmlFor) as HTMLInputElement | null) : null;
      if (!field) return false;
      field.focus();
      field.value = text;
      field.dispatchEvent(new Event(field.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
      return true;
    },
    { message: `the field "${label}"` },
    label,
    text,
  );
}

/** Picks a file for the file input labelled `label`, as the file chooser would. */
export async function chooseFile(page: TestPage, label: string, name: string, text: string): Promise<void> {
  await page.evaluate(
    (label: string, name: string, text: string) => {
      const owner = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === label)!;
      const input = document.getElementById(owner.htmlFor) as HTMLInputElement;
      const files = new DataTransfer();
      files.items.add(new File([text], name, { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    label,
    name,
    text,
  );
}

/** How far the page is wider than the popup (0 when nothing scrolls sideways). */
export async function horizontalOverflow(page: TestPage): Promise<number> {
  return page.evaluate((width: number) => Math.max(0, document.documentElement.scrollWidth - width), POPUP_WIDTH);
}

/**
 * Every element showing text whose text is wider than its box (scrollWidth > clientWidth): a long
 * German compound that does not wrap, a button label cut off. Elements that clip on purpose
 * (visually hidden text, 1px boxes) are not boxes a person reads.
 */
export async function overflowingText(page: TestPage): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!own && !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.display === 'none' || el.closest('.sr-only')) continue;
      if (el.clientWidth <= 1) continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        const text = (el.textContent || (el as HTMLInputElement).value || '').replace(/\s+/g, ' ').trim().slice(0, 60);
        found.push(`<${el.tagName.toLowerCase()}> "${text}": ${el.scrollWidth} px of text in ${el.clientWidth} px`);
      }
    }
    return found;
  });
}

/** The innermost elements reaching past the popup's sides, to say what made it scroll sideways. */
export async function beyondPopup(page: TestPage): Promise<string[]> {
  return page.evaluate((width: number) => {
    const beyond = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5);
    };
    return Array.from(document.body.querySelectorAll('*'))
      .filter((el) => beyond(el) && !Array.from(el.children).some(beyond))
      .map((el) => {
        const r = el.getBoundingClientRect();
        return `<${el.tagName.toLowerCase()} class="${el.className}"> "${(el.textContent ?? '').trim().slice(0, 50)}": ${Math.round(r.left)}–${Math.round(r.right)} px`;
      });
  }, POPUP_WIDTH);
}

async function axeClean(page: TestPage, what: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, `${what}: ${formatViolations(violations)}`).toEqual([]);
}

/**
 * axe finds nothing on this screen in the light scheme and then in the dark one, and both
 * screenshots are kept (`<browser>-<screen>.png`, `<browser>-<screen>-dark.png`). The page is
 * left light. `popup: true` (the default) also checks that nothing overflows the popup's width.
 */
export async function checkScreen(page: TestPage, screen: string, options: { popup?: boolean } = {}): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  if (options.popup !== false) expect(await horizontalOverflow(page), `${screen}: wider than ${POPUP_WIDTH} px`).toBe(0);
  await page.emulateColorScheme('light');
  await axeClean(page, `${screen} (light)`);
  await page.screenshot(path.join(SHOTS, `${page.browser}-${screen}.png`));
  await page.emulateColorScheme('dark');
  try {
    await axeClean(page, `${screen} (dark)`);
    await page.screenshot(path.join(SHOTS, `${page.browser}-${screen}-dark.png`));
  } finally {
    await page.emulateColorScheme('light');
  }
}
