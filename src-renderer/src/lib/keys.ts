// Whether a key press belongs to a text field (then it is text, not a shortcut).

const NOT_TEXT = ['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'];

/** Keys typed here are text, not shortcuts (`?`, Delete, Ctrl+A keep their text meaning). Read by tag, not class, so it also runs outside a page. */
export function isTextField(target: EventTarget | null): boolean {
  const element = target as { tagName?: unknown; type?: unknown; isContentEditable?: unknown } | null;
  if (element === null || typeof element.tagName !== 'string') return false;
  if (element.isContentEditable === true) return true;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  return tag === 'input' && !NOT_TEXT.includes(String(element.type ?? 'text'));
}
