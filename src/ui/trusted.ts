// Whether an event in the popup is a person's own: the browser marks events it made from real
// input as trusted; a script's el.click() or dispatchEvent is not. For a checkbox, the CLICK says
// (the change that activation fires after a script's click() is the browser's, so trusted too).
export function byPerson(event: Event): boolean {
  return event.isTrusted;
}
