// Where a request for help comes from (a form field's ? button or F1, the
// console's F1, the toolbar, the menu) to the one Help pane the workspace
// shows. A field cannot reach the workspace through props without every
// dialog in between passing them on, so the request is shared state.

export interface HelpRequest {
  /** A command name or alias; null opens the list of commands. */
  readonly name: string | null;
  /** The parameter to bring into view. */
  readonly parameter?: string;
}

class HelpRequests {
  current = $state<HelpRequest | null>(null);
}

export const helpRequests = new HelpRequests();

export function openHelp(name: string | null, parameter?: string): void {
  helpRequests.current = { name, ...(parameter !== undefined ? { parameter } : {}) };
}

export function closeHelp(): void {
  helpRequests.current = null;
}
