// The .NET enums the built-in commands' parameters take, in value order (a
// name's index is its number, as convertToEnum reads it).

import type { EnumType } from '../../shell/enum-conversion';

export const CONSOLE_COLOR: EnumType = {
  name: 'System.ConsoleColor',
  names: ['Black', 'DarkBlue', 'DarkGreen', 'DarkCyan', 'DarkRed', 'DarkMagenta', 'DarkYellow', 'Gray', 'DarkGray', 'Blue', 'Green', 'Cyan', 'Red', 'Magenta', 'Yellow', 'White'],
};

export const ERROR_CATEGORY: EnumType = {
  name: 'System.Management.Automation.ErrorCategory',
  names: [
    'NotSpecified', 'OpenError', 'CloseError', 'DeviceError', 'DeadlockDetected', 'InvalidArgument', 'InvalidData', 'InvalidOperation',
    'InvalidResult', 'InvalidType', 'MetadataError', 'NotImplemented', 'NotInstalled', 'ObjectNotFound', 'OperationStopped',
    'OperationTimeout', 'SyntaxError', 'ParserError', 'PermissionDenied', 'ResourceBusy', 'ResourceExists', 'ResourceUnavailable',
    'ReadError', 'WriteError', 'FromStdErr', 'SecurityError', 'ProtocolError', 'ConnectionError', 'AuthenticationError',
    'LimitsExceeded', 'QuotaExceeded', 'NotEnabled',
  ],
};

export const DISPLAY_HINT: EnumType = {
  name: 'Microsoft.PowerShell.Commands.DisplayHintType',
  names: ['Date', 'Time', 'DateTime'],
};

/** PSMemberTypes is a [Flags] enum; Add-Member takes one member kind, so its single-bit names are listed. */
export const MEMBER_TYPES: EnumType = {
  name: 'System.Management.Automation.PSMemberTypes',
  names: ['AliasProperty', 'CodeProperty', 'Property', 'NoteProperty', 'ScriptProperty', 'Properties', 'PropertySet', 'Method', 'CodeMethod', 'ScriptMethod', 'Methods', 'ParameterizedProperty', 'MemberSet', 'Event', 'Dynamic', 'All'],
};
