// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clickWhenEnabled, fillInput, isDisabled, type Waiter } from '../../../src/content/fill';

/**
 * A controlled input as React makes it: an instance-level `value` property feeds a tracker, and
 * onChange fires for an input event only when the DOM value differs from the tracked one.
 */
function reactLikeInput(onChange: (value: string) => void): HTMLInputElement {
  const input = document.createElement('input');
  const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
  let tracked = '';
  Object.defineProperty(input, 'value', {
    configurable: true,
    get() {
      return native.get!.call(this);
    },
    set(v: string) {
      tracked = String(v);
      native.set!.call(this, v);
    },
  });
  document.body.addEventListener('input', (event) => {
    if (event.target !== input) return;
    const current = native.get!.call(input) as string;
    if (current === tracked) return;
    tracked = current;
    onChange(current);
  });
  document.body.append(input);
  return input;
}

const immediate: Waiter = {
  async until(fn, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = fn();
      if (v) return v;
      if (Date.now() >= deadline) return null;
      await new Promise((r) => setTimeout(r, 5));
    }
  },
};

afterEach(() => document.body.replaceChildren());

describe('fillInput', () => {
  it('makes a React-controlled input see the new value (native setter + bubbling input event)', () => {
    const seen: string[] = [];
    const input = reactLikeInput((v) => seen.push(v));
    fillInput(input, 'abcd1234efgh');
    expect(input.value).toBe('abcd1234efgh');
    expect(seen).toEqual(['abcd1234efgh']);
  });

  it('is needed: setting .value directly leaves React unaware, which is why the native setter is used', () => {
    const seen: string[] = [];
    const input = reactLikeInput((v) => seen.push(v));
    input.value = 'abcd1234efgh';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(seen).toEqual([]);
  });

  it('focuses the input and fires input then change', () => {
    const input = document.createElement('input');
    document.body.append(input);
    const events: string[] = [];
    input.addEventListener('input', () => events.push('input'));
    input.addEventListener('change', () => events.push('change'));
    fillInput(input, 'x');
    expect(events).toEqual(['input', 'change']);
    expect(document.activeElement).toBe(input);
  });
});

describe('clickWhenEnabled', () => {
  it('waits until X enables Next (button or div role=button), then clicks it once', async () => {
    for (const make of [() => document.createElement('button'), () => Object.assign(document.createElement('div'), { role: 'button' })]) {
      const next = make();
      next.setAttribute('aria-disabled', 'true');
      if (next instanceof HTMLButtonElement) next.disabled = true;
      document.body.append(next);
      const click = vi.fn();
      next.addEventListener('click', click);
      expect(isDisabled(next)).toBe(true);
      setTimeout(() => {
        next.removeAttribute('aria-disabled');
        if (next instanceof HTMLButtonElement) next.disabled = false;
      }, 20);
      expect(await clickWhenEnabled(next, immediate, 1_000)).toBe(true);
      expect(click).toHaveBeenCalledTimes(1);
    }
  });

  it('gives up without clicking when Next stays disabled', async () => {
    const next = document.createElement('button');
    next.disabled = true;
    document.body.append(next);
    const click = vi.fn();
    next.addEventListener('click', click);
    expect(await clickWhenEnabled(next, immediate, 50)).toBe(false);
    expect(click).not.toHaveBeenCalled();
  });
});
