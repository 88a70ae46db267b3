// The popup is built on its own, so popup.html loads one script file (src/build/popup-alone.ts).
import type { Entrypoint, EntrypointGroup } from 'wxt';
import { describe, expect, it } from 'vitest';
import { popupAlone } from '../../../src/build/popup-alone';

const entry = (name: string, type: Entrypoint['type']) => ({ name, type }) as Entrypoint;
const names = (groups: EntrypointGroup[]) => groups.map((g) => (Array.isArray(g) ? g.map((e) => e.name) : g.name));

describe('building the popup alone', () => {
  it('takes the popup out of the pages and ES-module background built together, into a group of its own', () => {
    const groups: EntrypointGroup[] = [
      [entry('background', 'background'), entry('popup', 'popup'), entry('offscreen', 'unlisted-page')],
      entry('sites', 'content-script'),
    ];
    popupAlone(groups);
    expect(names(groups)).toEqual([['background', 'offscreen'], ['popup'], 'sites']);
  });

  it('leaves a popup that is already alone, and groups without one, as they are', () => {
    const groups: EntrypointGroup[] = [[entry('popup', 'popup')], entry('background', 'background'), [entry('offscreen', 'unlisted-page')]];
    popupAlone(groups);
    expect(names(groups)).toEqual([['popup'], 'background', ['offscreen']]);
  });
});
