// The bulk Edit form's state: only the fields the user fills in (or the URLs
// ticked to clear) are sent, the same values to every selected collection.
// The engine checks the values and builds the pipeline (pchat:cmdlet:bulk-preview)
// as the user types; the per-collection preview compares with each row.

import type { BulkResponse, ConfigurationDto, PchatApi, PreviewResponse } from '../../../src-main/ipc/contract';
import { Debouncer } from './debounce';
import { formatValue, type PropertyParameter } from './metadata';
import { failureText } from './output';

const SET = 'Set-CsPersistentChatConfiguration';

export interface RowChange {
  readonly identity: string;
  readonly changes: readonly { readonly name: string; readonly from: string; readonly to: string }[];
}

export class BulkEditForm {
  texts = $state<Record<string, string>>({});
  /** URL properties to clear ($null) on every collection. */
  clear = $state<Record<string, boolean>>({});
  preview = $state.raw<PreviewResponse | null>(null);
  checking = $state(false);
  committing = $state(false);
  result = $state.raw<BulkResponse | null>(null);
  failure = $state<string | null>(null);

  private readonly delay = new Debouncer(120);
  private generation = 0;

  constructor(
    private readonly api: PchatApi,
    readonly rows: readonly ConfigurationDto[],
    readonly properties: readonly PropertyParameter[],
  ) {}

  /** What is sent: the filled-in fields as typed (the engine converts them) and null for a cleared URL. */
  get parameters(): Record<string, string | null> {
    const out: Record<string, string | null> = {};
    for (const p of this.properties) {
      if (this.clear[p.name] === true) out[p.name] = null;
      else if ((this.texts[p.name] ?? '').trim() !== '') out[p.name] = this.texts[p.name]!.trim();
    }
    return out;
  }

  get changed(): boolean {
    return Object.keys(this.parameters).length > 0;
  }

  get canCommit(): boolean {
    const p = this.preview;
    return this.changed && !this.checking && !this.committing && p !== null && Object.keys(p.fieldErrors).length === 0 && p.error === undefined;
  }

  /** Per collection, each property whose value will change (from → to, as stored). */
  get rowChanges(): RowChange[] {
    const parameters = this.parameters;
    const stored = this.preview?.storedAs ?? {};
    return this.rows.map((row) => {
      const values = row as unknown as Record<string, string | number | null>;
      const changes = Object.entries(parameters).flatMap(([name, text]) => {
        const to = name in stored ? stored[name]! : text === null ? null : /^\d+$/.test(text) ? Number(text) : text;
        const from = values[name] ?? null;
        return from === to ? [] : [{ name, from: formatValue(from), to: formatValue(to) }];
      });
      return { identity: row.Identity, changes };
    });
  }

  setText(name: string, text: string): void {
    this.texts[name] = text;
    this.schedule();
  }

  setClear(name: string, on: boolean): void {
    this.clear[name] = on;
    if (on) this.texts[name] = '';
    this.schedule();
  }

  fieldError(name: string): string | undefined {
    return this.preview?.fieldErrors[name];
  }

  /** Checks now (the dialog opening shows the pipeline at once). */
  check(): void {
    this.delay.cancel();
    void this.run(++this.generation);
  }

  private schedule(): void {
    this.checking = true;
    this.delay.run(() => void this.run(++this.generation));
  }

  private async run(generation: number): Promise<void> {
    this.checking = true;
    try {
      const preview = await this.api.previewBulk({ cmdlet: SET, identities: this.rows.map((r) => r.Identity), parameters: this.parameters });
      if (generation === this.generation) this.preview = preview;
    } catch (error) {
      if (generation === this.generation) this.preview = { commandLine: this.preview?.commandLine ?? '', fieldErrors: {}, error: failureText(error) };
    } finally {
      if (generation === this.generation) this.checking = false;
    }
  }

  async commit(): Promise<BulkResponse | null> {
    if (!this.canCommit) return null;
    this.committing = true;
    this.failure = null;
    try {
      this.result = await this.api.runBulk({ cmdlet: SET, identities: this.rows.map((r) => r.Identity), parameters: this.parameters });
      return this.result;
    } catch (error) {
      this.failure = failureText(error);
      return null;
    } finally {
      this.committing = false;
    }
  }

  dispose(): void {
    this.delay.cancel();
  }
}
