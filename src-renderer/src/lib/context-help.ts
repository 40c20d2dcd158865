// F1 in context: what help the focused element asks for. In the console's
// input, the cmdlet at the cursor; in a form field labelled with a property
// name, that parameter of the form's cmdlet; in any other dialog, the list of
// cmdlets; elsewhere, the keyboard shortcuts.

import type { HelpRequest } from './help-request.svelte';
import { commandAt } from './shortcuts';

export function contextHelpFor(active: Element | null, propertyNames: readonly string[]): HelpRequest | 'shortcuts' {
  if (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement) {
    if (active.getAttribute('aria-label') === 'Cmdlet console input') {
      return { name: commandAt(active.value, active.selectionStart ?? active.value.length) };
    }
    const label = active.id === '' ? null : document.querySelector(`label[for="${CSS.escape(active.id)}"]`)?.textContent?.trim();
    const form = active.closest('dialog');
    if (label && form !== null && propertyNames.includes(label)) {
      const creating = /^New /.test(form.querySelector('h2')?.textContent ?? '');
      return { name: creating ? 'New-CsPersistentChatConfiguration' : 'Set-CsPersistentChatConfiguration', parameter: label };
    }
  }
  return document.querySelector('dialog[open]') !== null ? { name: null } : 'shortcuts';
}
