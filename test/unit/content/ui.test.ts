// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Panel, randomHostTag } from '../../../src/content/ui';
import { PHYSICAL_SIDES } from '../physical-sides';

// The page runtime words its text through browser.i18n: the shipped English messages here.
vi.mock('wxt/browser', () => import('../i18n-browser'));

/** The closed root a Panel attaches, caught on its way (pages never get it). */
function panelWithRoot(kind: 'chip' | 'banner') {
  const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
  const panel = new Panel(document, kind);
  const root = attach.mock.results[0]!.value as ShadowRoot;
  attach.mockRestore();
  return { panel, root };
}

afterEach(() => document.documentElement.querySelectorAll(':scope > *:not(head):not(body)').forEach((e) => e.remove()));

describe('randomHostTag', () => {
  it('makes a valid custom element name that differs every time', () => {
    const tags = new Set(Array.from({ length: 50 }, () => randomHostTag()));
    expect(tags.size).toBe(50);
    for (const tag of tags) {
      expect(tag).toMatch(/^[a-z]{6}-[a-z]{6}$/);
      expect(() => document.createElement(tag).attachShadow({ mode: 'closed' })).not.toThrow();
    }
  });
});

describe('Panel', () => {
  it('lives in a closed shadow root the page cannot open', () => {
    const { panel } = panelWithRoot('chip');
    panel.render({ buttons: [{ label: 'Use backup code (2 left)', onActivate: () => undefined }] });
    panel.show({ x: 10, y: 20 });
    expect(panel.host.parentElement).toBe(document.documentElement);
    expect(panel.host.shadowRoot).toBeNull();
    expect(panel.host.textContent).toBe('');
    expect(panel.host.style.getPropertyValue('left')).toBe('10px');
    expect(panel.host.style.getPropertyPriority('top')).toBe('important');
    expect(panel.host.style.getPropertyValue('position')).toBe('fixed');
  });

  it('names every control: button text, a labelled group or region, a polite status', () => {
    const chip = panelWithRoot('chip');
    chip.panel.render({ buttons: [{ label: 'Unlock Sparekey', onActivate: () => undefined }], status: 'Click the Sparekey button in the toolbar.' });
    expect(chip.root.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Sparekey');
    expect(chip.root.querySelector('button')?.textContent).toBe('Unlock Sparekey');
    expect(chip.root.querySelector('button')?.type).toBe('button');
    const status = chip.root.querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Click the Sparekey button in the toolbar.');

    const banner = panelWithRoot('banner');
    banner.panel.render({
      message: 'Save this backup code for @a to Sparekey?',
      buttons: [
        { label: 'Save', onActivate: () => undefined },
        { label: 'Not now', secondary: true, onActivate: () => undefined },
      ],
    });
    expect(banner.root.querySelector('[role="region"]')?.getAttribute('aria-label')).toBe('Sparekey');
    expect(Array.from(banner.root.querySelectorAll('button'), (b) => b.textContent)).toEqual(['Save', 'Not now']);
    expect(banner.root.textContent).toContain('Save this backup code for @a to Sparekey?');
  });

  it('ignores clicks a script dispatches (isTrusted false)', () => {
    const { panel, root } = panelWithRoot('chip');
    const activate = vi.fn();
    panel.render({ buttons: [{ label: 'Use backup code (2 left)', onActivate: activate }] });
    panel.show({ x: 0, y: 0 });
    const button = root.querySelector('button')!;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 0 }));
    expect(activate).not.toHaveBeenCalled();
  });

  it('puts back a style or attribute the page sets on its host (guard.ts)', async () => {
    const { panel } = panelWithRoot('chip');
    panel.render({ buttons: [{ label: 'Use backup code (2 left)', onActivate: () => undefined }] });
    panel.show({ x: 10, y: 20 });
    const ours = panel.host.getAttribute('style');
    panel.host.style.setProperty('opacity', '0', 'important');
    panel.host.setAttribute('hidden', '');
    await new Promise((r) => setTimeout(r, 0));
    expect(panel.host.getAttribute('style')).toBe(ours);
    expect(panel.host.hasAttribute('hidden')).toBe(false);
    expect(panel.host.style.getPropertyValue('opacity')).toBe('1');
    panel.destroy();
  });

  it('redraws only when the view changes, so focus stays where the person put it', () => {
    const { panel, root } = panelWithRoot('chip');
    panel.render({ buttons: [{ label: 'A', onActivate: () => undefined }] });
    const first = root.querySelector('button');
    panel.render({ buttons: [{ label: 'A', onActivate: () => undefined }] });
    expect(root.querySelector('button')).toBe(first);
    panel.render({ buttons: [{ label: 'B', onActivate: () => undefined }] });
    expect(root.querySelector('button')).not.toBe(first);
    expect(root.querySelector('button')?.textContent).toBe('B');
  });

  it('leaves the page when hidden or destroyed', () => {
    const { panel } = panelWithRoot('banner');
    panel.render({ message: 'm', buttons: [] });
    panel.show({ x: 1, y: 1 });
    panel.hide();
    expect(panel.host.isConnected).toBe(false);
    panel.show({ x: 1, y: 1 });
    panel.destroy();
    expect(panel.host.isConnected).toBe(false);
  });
});

describe('Panel direction', () => {
  it('runs left to right in English, right to left in Arabic, whatever the page’s direction', async () => {
    const { i18n } = await import('../i18n-en');
    const en = panelWithRoot('chip').root.querySelector('.panel') as HTMLElement;
    expect([en.lang, en.dir]).toEqual(['en', 'ltr']);
    vi.spyOn(i18n, 'getUILanguage').mockReturnValue('ar');
    const english = i18n.getMessage;
    vi.spyOn(i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) => (key === 'messagesLocale' ? 'ar' : english(key, subs)));
    document.documentElement.dir = 'ltr';
    for (const kind of ['chip', 'banner'] as const) {
      const box = panelWithRoot(kind).root.querySelector('.panel') as HTMLElement;
      expect([box.lang, box.dir]).toEqual(['ar', 'rtl']);
    }
    vi.restoreAllMocks();
    document.documentElement.removeAttribute('dir');
  });

  it('styles its boxes with logical properties only, so they mirror with dir', () => {
    const css = panelWithRoot('banner').root.querySelector('style')!.textContent ?? '';
    expect(css).toContain('margin-inline');
    expect(css).not.toMatch(PHYSICAL_SIDES);
  });
});
