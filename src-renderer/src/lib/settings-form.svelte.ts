// The state behind a New or Edit settings form: the text in each field, the
// engine's verdict on it (previewCmdlet, debounced), the equivalent cmdlet
// line, and the commit. Only values that differ from the starting values are
// sent, so the line reads like one an administrator would type.
//
// Edit also watches the store while it is open (every store change, from any
// process, re-reads the collection): what changed elsewhere is merged as
// elsewhere.ts describes, and Commit sends the values it started from as
// expected values, so the engine refuses to overwrite a change made since.

import type {
  CmdletParameters,
  CmdletResponse,
  PchatApi,
  PreviewResponse,
} from '../../../src-main/ipc/contract';
import { Debouncer } from './debounce';
import type { PropertyParameter } from './metadata';
import { errorMessages, failureText } from './output';
import { reconcile, textOf, type ElsewhereChange } from './elsewhere';

export type FormCmdlet = 'New-CsPersistentChatConfiguration' | 'Set-CsPersistentChatConfiguration';
type Value = string | number | null;

const INTEGER_LITERAL = /^[+-]?\d+$/;

/** The value a field's text stands for: numbers as numbers when they are plain integers, '' as $null for URLs. */
function toValue(p: PropertyParameter, text: string): Value {
  const trimmed = text.trim();
  if (p.property.kind === 'url') return trimmed === '' ? null : trimmed;
  if (INTEGER_LITERAL.test(trimmed) && Number.isSafeInteger(Number(trimmed))) return Number(trimmed);
  return text; // the engine converts it (0x1F, 1kb) or reports the conversion error
}

/** An emptied number field: said here, in the form's words, and never sent to the engine as "". */
function emptyMessage(p: PropertyParameter): string {
  const { min, max } = p.property;
  const range = min !== undefined && max !== undefined ? ` from ${min} to ${max}` : '';
  return `${p.name} is empty: type a number${range}, or Cancel.`;
}

export class SettingsForm {
  readonly texts: Record<string, string> = $state({});
  preview = $state.raw<PreviewResponse | null>(null);
  /** A preview for the latest text is still on its way (the last verdict stays shown meanwhile). */
  checking = $state(true);
  committing = $state(false);
  /** Errors from the commit itself (or from a failed call). */
  commitErrors = $state.raw<readonly string[]>([]);
  /** Edit: the values the form started from, sent as expected values (they move when the user accepts a change made elsewhere). */
  base: Record<string, Value> = $state({});
  /** Edit: what changed in the store while the form was open. */
  elsewhere = $state.raw<readonly ElsewhereChange[]>([]);
  /** Edit: the collection was removed while the form was open. */
  removedElsewhere = $state(false);

  /** Messages the form gives itself, before asking the engine (an emptied number field). */
  readonly localErrors: Readonly<Record<string, string>> = $derived(this.emptyFields());
  readonly parameters: CmdletParameters = $derived(this.collect());
  /** Edit with nothing changed: there is nothing to commit. */
  readonly unchanged = $derived(this.nothingChanged());
  /** A value changed elsewhere that the user also edited: Commit waits for Take theirs or Keep mine. */
  readonly unresolved = $derived(this.elsewhere.some((c) => c.status === 'conflict'));
  /** By the latest verdict (which may be for slightly older text while `checking`). */
  readonly invalid = $derived(
    this.preview === null ||
      Object.keys(this.preview.fieldErrors).length > 0 ||
      this.preview.error !== undefined ||
      Object.keys(this.localErrors).length > 0,
  );
  /**
   * Whether Commit is offered. A pending check does not disable it: Enter or
   * Commit then checks at once and goes on if the engine accepts the values.
   */
  readonly canCommit = $derived(!this.invalid && !this.unchanged && !this.committing && !this.unresolved && !this.removedElsewhere);
  /** Something typed that Cancel would throw away. */
  readonly dirty = $derived(Object.keys(this.parameters).length > 1 || Object.keys(this.localErrors).length > 0);

  private readonly delay = new Debouncer(150);
  private generation = 0;
  private storeGeneration = 0;
  /** The store's values as last read (Edit). */
  private latest: Record<string, Value> | null = null;

  constructor(
    private readonly api: PchatApi,
    readonly cmdlet: FormCmdlet,
    readonly identity: string,
    readonly properties: readonly PropertyParameter[],
    initial: Readonly<Record<string, Value>>,
  ) {
    for (const p of properties) {
      this.texts[p.name] = textOf(initial[p.name] ?? null);
      this.base[p.name] = initial[p.name] ?? null;
    }
    void this.validate();
  }

  /** Edit: re-reads the collection on every store change while the form is open; returns the unsubscribe. */
  watch(): () => void {
    if (this.cmdlet !== 'Set-CsPersistentChatConfiguration') return () => {};
    void this.checkStore();
    return this.api.onConfigurationChanged(() => void this.checkStore());
  }

  /** Reads the collection now and merges what changed elsewhere. */
  async checkStore(): Promise<void> {
    const generation = ++this.storeGeneration;
    let response: CmdletResponse;
    try {
      response = await this.api.getConfiguration({ Identity: this.identity });
    } catch {
      return; // refused while the console waits for an answer: the next change event tries again
    }
    if (generation !== this.storeGeneration) return;
    const found = response.ok ? (response.objects[0] as unknown as Record<string, Value> | undefined) : undefined;
    this.removedElsewhere = !response.ok && errorMessages(response.output).some((m) => m.includes('does not exist'));
    if (found === undefined) return;
    this.latest = Object.fromEntries(this.properties.map((p) => [p.name, found[p.name] ?? null]));
    this.merge(this.latest);
  }

  private merge(current: Record<string, Value>): void {
    const names = this.properties.map((p) => p.name);
    const mine = (name: string): Value | undefined => {
      const p = this.properties.find((q) => q.name === name)!;
      return this.localErrors[name] !== undefined ? undefined : toValue(p, this.texts[name] ?? '');
    };
    const result = reconcile(names, $state.snapshot(this.base), current, mine, this.elsewhere);
    const same = JSON.stringify(result.changes) === JSON.stringify(this.elsewhere) && names.every((n) => result.base[n] === this.base[n]);
    if (same && Object.keys(result.texts).length === 0) return;
    Object.assign(this.base, result.base);
    this.elsewhere = result.changes;
    for (const [name, text] of Object.entries(result.texts)) this.texts[name] = text;
    this.recheck();
  }

  /** Conflict on `name`: show the store's value (the user's edit is dropped). */
  takeTheirs(name: string): void {
    const change = this.elsewhere.find((c) => c.name === name);
    if (change === undefined) return;
    this.base[name] = change.after;
    this.texts[name] = textOf(change.after);
    this.resolve(name, 'theirs');
  }

  /** Conflict on `name`: keep the typed value, knowing Commit overwrites the store's. */
  keepMine(name: string): void {
    const change = this.elsewhere.find((c) => c.name === name);
    if (change === undefined) return;
    this.base[name] = change.after;
    this.resolve(name, 'mine');
  }

  /** Every field back to the store's current values (typed values are dropped). */
  reload(): void {
    if (this.latest === null) return;
    for (const p of this.properties) {
      this.base[p.name] = this.latest[p.name] ?? null;
      this.texts[p.name] = textOf(this.latest[p.name] ?? null);
    }
    this.elsewhere = this.elsewhere.map((c) => (c.status === 'conflict' ? { ...c, status: 'theirs' } : c));
    this.recheck();
  }

  private resolve(name: string, status: 'theirs' | 'mine'): void {
    this.elsewhere = this.elsewhere.map((c) => (c.name === name ? { ...c, status } : c));
    this.recheck();
  }

  private recheck(): void {
    this.checking = true;
    this.commitErrors = [];
    this.delay.run(() => void this.validate());
  }

  private emptyFields(): Record<string, string> {
    return Object.fromEntries(
      this.properties
        .filter((p) => p.property.kind === 'integer' && (this.texts[p.name] ?? '').trim() === '')
        .map((p) => [p.name, emptyMessage(p)]),
    );
  }

  private nothingChanged(): boolean {
    return (
      this.cmdlet === 'Set-CsPersistentChatConfiguration' &&
      Object.keys(this.parameters).length <= 1 &&
      Object.keys(this.localErrors).length === 0
    );
  }

  private collect(): CmdletParameters {
    const parameters: Record<string, Value> = { Identity: this.identity };
    for (const p of this.properties) {
      if (this.localErrors[p.name] !== undefined) continue;
      const value = toValue(p, this.texts[p.name] ?? '');
      if (value !== (this.base[p.name] ?? null)) parameters[p.name] = value;
    }
    return parameters;
  }

  fieldError(name: string): string | undefined {
    return this.localErrors[name] ?? this.preview?.fieldErrors[name];
  }

  setText(name: string, text: string): void {
    this.texts[name] = text;
    this.recheck();
  }

  private async validate(): Promise<void> {
    const generation = ++this.generation;
    try {
      const preview = await this.api.previewCmdlet(this.cmdlet, $state.snapshot(this.parameters));
      if (generation !== this.generation) return;
      this.preview = preview;
    } catch (error) {
      if (generation !== this.generation) return;
      this.preview = { commandLine: this.preview?.commandLine ?? '', fieldErrors: {}, error: failureText(error) };
    }
    this.checking = false;
  }

  /** Runs the cmdlet; resolves to the response when it succeeded, null when it did not (errors shown). */
  async commit(): Promise<CmdletResponse | null> {
    if (this.committing) return null;
    this.committing = true;
    try {
      // Enter right after typing: the check the debounce was waiting for runs now.
      if (this.checking) {
        this.delay.cancel();
        await this.validate();
      }
      if (this.checking || this.invalid || this.unchanged || this.unresolved) return null;
      const parameters = $state.snapshot(this.parameters);
      const response =
        this.cmdlet === 'New-CsPersistentChatConfiguration'
          ? await this.api.newConfiguration(parameters)
          : await this.api.setConfiguration(parameters, this.expectedFor(parameters));
      if (response.ok) return response;
      this.commitErrors = errorMessages(response.output);
      if (this.commitErrors.length === 0) this.commitErrors = ['The command did not succeed.'];
      // Refused because the values changed meanwhile (or it was removed): show what changed.
      if (this.cmdlet === 'Set-CsPersistentChatConfiguration') await this.checkStore();
      return null;
    } catch (error) {
      this.commitErrors = [failureText(error)];
      return null;
    } finally {
      this.committing = false;
    }
  }

  /** The values the form started from, for the properties it sends. */
  private expectedFor(parameters: CmdletParameters): CmdletParameters {
    const base = $state.snapshot(this.base);
    return Object.fromEntries(Object.keys(parameters).filter((n) => n !== 'Identity').map((n) => [n, base[n] ?? null]));
  }

  dispose(): void {
    this.delay.cancel();
    this.generation++;
    this.storeGeneration++;
  }
}
