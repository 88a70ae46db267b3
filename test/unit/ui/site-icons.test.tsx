// @vitest-environment jsdom
// Every site Sparekey keeps codes for has its own mark in the popup, drawn from bundled path data.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SITES } from '../../../src/sites/index';
import { SITE_PATHS, SiteIcon } from '../../../src/ui/components';

vi.mock('wxt/browser', () => import('./browser'));
afterEach(cleanup);

describe('site icons', () => {
  it.each(SITES.map((s) => [s.id, s.name]))('draws the %s mark as a bundled, decorative SVG path', (id) => {
    const { container } = render(<SiteIcon site={id} />);
    const icon = container.querySelector('.site-icon')!;
    expect(icon.getAttribute('aria-hidden')).toBe('true');
    const path = icon.querySelector('svg path');
    expect(path, `${id} falls back to a letter`).not.toBeNull();
    expect(path!.getAttribute('d')).toBe(SITE_PATHS[id]);
    expect(icon.querySelector('svg')!.getAttribute('focusable')).toBe('false');
    // Nothing to fetch: no <image>, <use> or url() anywhere in the mark.
    expect(icon.querySelector('image, use')).toBeNull();
    expect(icon.innerHTML).not.toMatch(/url\(|https?:/);
  });

  it('keeps only path data in each mark (moves, lines, curves, arcs and numbers)', () => {
    for (const [id, d] of Object.entries(SITE_PATHS)) expect(d, id).toMatch(/^M[MmLlHhVvCcSsQqTtAaZz0-9.,\s-]+$/);
  });

  it('holds no mark for a site that is not registered', () => {
    expect(Object.keys(SITE_PATHS).sort()).toEqual(SITES.map((s) => s.id).sort());
  });

  it('falls back to the first letter of an unknown site’s id', () => {
    const { container } = render(<SiteIcon site="example" />);
    expect(container.querySelector('svg')).toBeNull();
    expect(container.querySelector('.site-icon')!.textContent).toBe('E');
  });
});
