// The shape of a command's help as data (help-data.ts builds it); types only,
// so the IPC contract and the renderer can name it without loading the engine.

export interface HelpParameterData {
  readonly name: string;
  readonly type: string;
  readonly help: string;
  readonly required: boolean;
  /** 'named' or the position number. */
  readonly position: string;
  /** As Get-Help -Full shows it ("30", "None", "False"). */
  readonly defaultValue: string;
  /** "1–500" for a ranged integer, "an absolute http or https URL, or $null" for a URL; absent otherwise. */
  readonly range?: string;
  readonly pipeline: string;
  readonly wildcards: boolean;
  readonly aliases: readonly string[];
}

export interface HelpData {
  readonly name: string;
  readonly synopsis: string;
  readonly description: string;
  readonly syntax: readonly string[];
  readonly parameters: readonly HelpParameterData[];
  /** The common parameters, by name (one line in the pane, as Get-Help folds them). */
  readonly commonParameters: readonly string[];
  readonly examples: readonly { readonly title: string; readonly code: string; readonly remarks: string }[];
  readonly inputs?: string;
  readonly outputs?: string;
  readonly notes?: string;
}
