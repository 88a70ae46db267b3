// Putting a code into the site's input so the site's own code sees it.
//
// X is a React app (issue 4, DESIGN §6): React keeps a tracker of each controlled input's value,
// fed by the element's own `value` property, and ignores an input event whose value equals the
// tracked one. Setting the value through HTMLInputElement.prototype's setter bypasses the
// tracker, so the bubbling input event that follows is seen as a change and X enables Next.

/** The native value setter, never a page's override on the element or its prototype chain. */
function nativeValueSetter(input: HTMLInputElement): (value: string) => void {
  const view = input.ownerDocument.defaultView;
  const proto = view?.HTMLInputElement.prototype ?? Object.getPrototypeOf(input);
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'value');
  if (!descriptor?.set) throw new Error('No native value setter on HTMLInputElement');
  const set = descriptor.set;
  return (value) => set.call(input, value);
}

/** Sets `value` as if typed: focus, native setter, then input and change events that bubble. */
export function fillInput(input: HTMLInputElement, value: string): void {
  input.focus();
  nativeValueSetter(input)(value);
  const view = input.ownerDocument.defaultView;
  const EventCtor = view?.Event ?? Event;
  input.dispatchEvent(new EventCtor('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new EventCtor('change', { bubbles: true }));
}

/** Whether a <button> or a <div role="button"> is disabled (X uses both, issue 4). */
export function isDisabled(el: Element): boolean {
  return (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true';
}

export interface Waiter {
  /** Resolves with fn()'s first truthy value, or null after timeoutMs (or when cancelled). */
  until<T>(fn: () => T | null | undefined | false, timeoutMs: number): Promise<T | null>;
}

/** Clicks `button` once it is enabled (React re-renders after the input event). */
export async function clickWhenEnabled(button: HTMLElement, wait: Waiter, timeoutMs = 2_000): Promise<boolean> {
  const ready = await wait.until(() => button.isConnected && !isDisabled(button), timeoutMs);
  if (!ready) return false;
  button.click();
  return true;
}
