// The Persistent Chat configuration properties: the one table that the binder,
// the store schema, Get-Help, the formatter and the forms all read.

export type IntegerTypeName = 'Int16' | 'Int32' | 'UInt32';
export type PropertyTypeName = IntegerTypeName | 'String';

interface PropertyBase {
  readonly name: string;
  /** One sentence for forms and Get-Help. */
  readonly help: string;
}

export interface IntegerProperty extends PropertyBase {
  readonly kind: 'integer';
  readonly type: IntegerTypeName;
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

export interface UrlProperty extends PropertyBase {
  readonly kind: 'url';
  readonly type: 'String';
  /** $null means "not set". */
  readonly default: null;
}

export type PropertyMeta = IntegerProperty | UrlProperty;

/** Bounds of the .NET integer types, used for conversion (overflow) errors. */
export const INTEGER_TYPE_BOUNDS: Readonly<Record<IntegerTypeName, { min: number; max: number }>> = {
  Int16: { min: -32768, max: 32767 },
  Int32: { min: -2147483648, max: 2147483647 },
  UInt32: { min: 0, max: 4294967295 },
};

export const PROPERTIES: readonly PropertyMeta[] = [
  {
    name: 'DefaultChatHistory',
    kind: 'integer',
    type: 'Int16',
    min: 1,
    max: 500,
    default: 30,
    help:
      'How many recent messages a user sees straight away on entering a chat room. ' +
      'Older messages can still be retrieved; this is not a cap on history.',
  },
  {
    name: 'MaxChatContentSizeMB',
    kind: 'integer',
    type: 'Int32',
    min: 1,
    max: 2048,
    default: 20,
    help:
      'The largest total size of chat content, in megabytes. Microsoft publishes no range; ' +
      'pchat-admin accepts 1 to 2048 with 20 as the default.',
  },
  {
    name: 'MaxFileSizeKB',
    kind: 'integer',
    type: 'UInt32',
    min: 1,
    max: 4294967295,
    default: 20000,
    help: 'The largest file, in kilobytes, that the file web service accepts for upload or serves for download.',
  },
  {
    name: 'ParticipantUpdateLimit',
    kind: 'integer',
    type: 'UInt32',
    min: 1,
    max: 4294967295,
    default: 75,
    help:
      'Once a room holds more people than this, clients stop receiving live updates ' +
      'of its participant list.',
  },
  {
    name: 'FileServiceUrl',
    kind: 'url',
    type: 'String',
    default: null,
    help:
      'Address (http or https) of the file upload and download web service. It is offered ' +
      'to the internal web site only. $null or an empty string clears it.',
  },
  {
    name: 'RoomManagementUrl',
    kind: 'url',
    type: 'String',
    default: null,
    help:
      'Address (http or https) of the page where administrators manage chat rooms. ' +
      '$null or an empty string clears it.',
  },
];

export type PropertyName =
  | 'DefaultChatHistory'
  | 'MaxChatContentSizeMB'
  | 'MaxFileSizeKB'
  | 'ParticipantUpdateLimit'
  | 'FileServiceUrl'
  | 'RoomManagementUrl';

export const PROPERTY_NAMES = PROPERTIES.map((p) => p.name) as readonly PropertyName[];

const byLowerName = new Map(PROPERTIES.map((p) => [p.name.toLowerCase(), p]));

export function findProperty(name: string): PropertyMeta | undefined {
  return byLowerName.get(name.toLowerCase());
}

export function defaultValues(): PropertyValues {
  const values: Record<string, number | string | null> = {};
  for (const p of PROPERTIES) values[p.name] = p.default;
  return values as unknown as PropertyValues;
}

export interface PropertyValues {
  DefaultChatHistory: number;
  MaxChatContentSizeMB: number;
  MaxFileSizeKB: number;
  ParticipantUpdateLimit: number;
  FileServiceUrl: string | null;
  RoomManagementUrl: string | null;
}

/** A configuration collection as stored and as returned by Get. */
export interface ConfigRecord extends PropertyValues {
  Identity: string;
}
