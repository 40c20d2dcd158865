// The state behind a New or Edit settings form: the text in each field, the
// engine's verdict on it (previewCmdlet, debounced), the equivalent cmdlet
// line, and the commit. Only values that differ from the starting values are
// sent, so the line reads like one an administrator would type.

import type {
  CmdletParameters,
  CmdletResponse,
  PchatApi,
  PreviewResponse,
} from '../../../src-main/ipc/contract';
import { Debouncer } from './debounce';
import type { PropertyParameter } from './metadata';
import { errorMessages, failureText } from './output';

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

  /** Messages the form gives itself, before asking the engine (an emptied number field). */
  readonly localErrors: Readonly<Record<string, string>> = $derived(this.emptyFields());
  readonly parameters: CmdletParameters = $derived(this.collect());
  /** Edit with nothing changed: there is nothing to commit. */
  readonly unchanged = $derived(this.nothingChanged());
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
  readonly canCommit = $derived(!this.invalid && !this.unchanged && !this.committing);

  private readonly delay = new Debouncer(150);
  private generation = 0;

  constructor(
    private readonly api: PchatApi,
    readonly cmdlet: FormCmdlet,
    readonly identity: string,
    readonly properties: readonly PropertyParameter[],
    private readonly initial: Readonly<Record<string, Value>>,
  ) {
    for (const p of properties) this.texts[p.name] = initial[p.name] == null ? '' : String(initial[p.name]);
    void this.validate();
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
      if (value !== (this.initial[p.name] ?? null)) parameters[p.name] = value;
    }
    return parameters;
  }

  fieldError(name: string): string | undefined {
    return this.localErrors[name] ?? this.preview?.fieldErrors[name];
  }

  setText(name: string, text: string): void {
    this.texts[name] = text;
    this.checking = true;
    this.commitErrors = [];
    this.delay.run(() => void this.validate());
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
      if (this.checking || this.invalid || this.unchanged) return null;
      const parameters = $state.snapshot(this.parameters);
      const response =
        this.cmdlet === 'New-CsPersistentChatConfiguration'
          ? await this.api.newConfiguration(parameters)
          : await this.api.setConfiguration(parameters);
      if (response.ok) return response;
      this.commitErrors = errorMessages(response.output);
      if (this.commitErrors.length === 0) this.commitErrors = ['The command did not succeed.'];
      return null;
    } catch (error) {
      this.commitErrors = [failureText(error)];
      return null;
    } finally {
      this.committing = false;
    }
  }

  dispose(): void {
    this.delay.cancel();
    this.generation++;
  }
}
