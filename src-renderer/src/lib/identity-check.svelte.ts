// The New picker's check of a typed identity: the engine's verdict (through
// previewCmdlet, debounced as you type), so a bad site name or FQDN is
// reported in the engine's words before the settings form opens.

import type { PchatApi } from '../../../src-main/ipc/contract';
import { Debouncer } from './debounce';
import { failureText } from './output';

export class IdentityCheck {
  /** The engine's objection to the identity, or null when it would accept it. */
  error = $state<string | null>(null);
  /** A check for the latest identity is still on its way. */
  checking = $state(false);

  private readonly delay = new Debouncer(150);
  private generation = 0;

  constructor(private readonly api: PchatApi) {}

  /**
   * Checks `identity` after a pause in typing; null clears the verdict
   * (nothing typed). The previous verdict stays until the new one arrives,
   * so a message does not flicker away and back on every key.
   */
  check(identity: string | null): void {
    const mine = ++this.generation;
    this.checking = identity !== null;
    if (identity === null) {
      this.error = null;
      return this.delay.cancel();
    }
    this.delay.run(() => void this.settle(mine, identity));
  }

  /** Checks at once (Enter or Next while a check is pending); resolves true when the engine accepts `identity`. */
  async now(identity: string): Promise<boolean> {
    this.delay.cancel();
    const mine = ++this.generation;
    this.checking = true;
    await this.settle(mine, identity);
    return mine === this.generation && this.error === null;
  }

  dispose(): void {
    this.delay.cancel();
    this.generation++;
  }

  private async settle(mine: number, identity: string): Promise<void> {
    let found: string | null;
    try {
      const preview = await this.api.previewCmdlet('New-CsPersistentChatConfiguration', { Identity: identity });
      found = preview.fieldErrors['Identity'] ?? preview.error ?? null;
    } catch (e) {
      found = failureText(e);
    }
    if (mine !== this.generation) return;
    this.error = found;
    this.checking = false;
  }
}
