// The error record display: CMDLETS.md's example exactly, PowerShell's
// position message (tabs, multi-line extents, long lines cut as Windows
// PowerShell 5.1 cuts them), and the records without a command.

import { describe, expect, it } from 'vitest';
import { errorRecord, type ErrorRecordData } from '../../../../src-main/engine/shell/errors';
import { formatErrorRecord, formatErrorSummary, positionMessage } from '../../../../src-main/engine/shell/format/error-view';

const SET = 'Set-CsPersistentChatConfiguration';

function namedParameterNotFound(extent?: { start: number; end: number }): ErrorRecordData {
  return errorRecord({
    message: "A parameter cannot be found that matches parameter name 'Foo'.",
    errorId: 'NamedParameterNotFound',
    category: 'InvalidArgument',
    exceptionType: 'ParameterBindingException',
    command: SET,
    ...(extent ? { extent } : {}),
  });
}

describe('formatErrorRecord', () => {
  it('shows the CMDLETS.md example exactly', () => {
    const source = 'Set-CsPersistentChatConfiguration -Foo 1';
    expect(formatErrorRecord(namedParameterNotFound({ start: 34, end: 38 }), source)).toEqual([
      "Set-CsPersistentChatConfiguration : A parameter cannot be found that matches parameter name 'Foo'.",
      'At line:1 char:35',
      '+ Set-CsPersistentChatConfiguration -Foo 1',
      '+                                   ~~~~',
      '    + CategoryInfo          : InvalidArgument: (:) [Set-CsPersistentChatConfiguration], ParameterBindingException',
      '    + FullyQualifiedErrorId : NamedParameterNotFound,Set-CsPersistentChatConfiguration',
    ]);
  });

  it('leaves out the position lines when the record has no extent', () => {
    expect(formatErrorRecord(namedParameterNotFound(), 'ignored')).toEqual([
      "Set-CsPersistentChatConfiguration : A parameter cannot be found that matches parameter name 'Foo'.",
      '    + CategoryInfo          : InvalidArgument: (:) [Set-CsPersistentChatConfiguration], ParameterBindingException',
      '    + FullyQualifiedErrorId : NamedParameterNotFound,Set-CsPersistentChatConfiguration',
    ]);
  });

  it('shows a language error without a command prefix and with empty brackets', () => {
    const record = errorRecord({
      message: 'You cannot call a method on a null-valued expression.',
      errorId: 'InvokeMethodOnNull',
      category: 'InvalidOperation',
      extent: { start: 0, end: 11 },
    });
    expect(formatErrorRecord(record, '$null.Foo()')).toEqual([
      'You cannot call a method on a null-valued expression.',
      'At line:1 char:1',
      '+ $null.Foo()',
      '+ ~~~~~~~~~~~',
      '    + CategoryInfo          : InvalidOperation: (:) [], RuntimeException',
      '    + FullyQualifiedErrorId : InvokeMethodOnNull',
    ]);
  });

  it('puts the position before the message of a parse error, as ParseException does', () => {
    const record = errorRecord({
      message: "You must provide a value expression following the '+' operator.",
      errorId: 'ExpectedValueExpression',
      category: 'ParserError',
      exceptionType: 'ParentContainsErrorRecordException',
      extent: { start: 3, end: 4 },
    });
    expect(formatErrorRecord(record, '1 +')).toEqual([
      'At line:1 char:4',
      '+ 1 +',
      '+    ~',
      "You must provide a value expression following the '+' operator.",
      '    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException',
      '    + FullyQualifiedErrorId : ExpectedValueExpression',
    ]);
  });

  it('names an unknown command as typed, with no command in CategoryInfo', () => {
    const record = errorRecord({
      message:
        "The term 'Get-Foo' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
      errorId: 'CommandNotFoundException',
      category: 'ObjectNotFound',
      exceptionType: 'CommandNotFoundException',
      target: 'Get-Foo:String',
      extent: { start: 0, end: 7 },
    });
    expect(formatErrorRecord(record, 'Get-Foo')).toEqual([
      `Get-Foo : ${record.message}`,
      'At line:1 char:1',
      '+ Get-Foo',
      '+ ~~~~~~~',
      '    + CategoryInfo          : ObjectNotFound: (Get-Foo:String) [], CommandNotFoundException',
      '    + FullyQualifiedErrorId : CommandNotFoundException',
    ]);
  });

  it('shortens a long target name to its first and last 15 characters', () => {
    const record = errorRecord({
      message: 'm',
      errorId: 'ConfigurationNotFound',
      category: 'ObjectNotFound',
      exceptionType: 'ItemNotFoundException',
      command: 'Get-CsPersistentChatConfiguration',
      target: 'service:PersistentChatServer:pool01.contoso.com:XdsIdentity',
    });
    expect(formatErrorRecord(record, '')[1]).toBe(
      '    + CategoryInfo          : ObjectNotFound: (service:Persist...l01.contoso.com:XdsIdentity) [Get-CsPersistentChatConfiguration], ItemNotFoundException',
    );
  });
});

describe('positionMessage', () => {
  it('points into the right line of a multi-line script', () => {
    const source = 'Get-CsPersistentChatConfiguration\r\nSet-CsPersistentChatConfiguration -Foo 1';
    const start = source.indexOf('-Foo');
    expect(positionMessage(source, { start, end: start + 4 })).toEqual([
      'At line:2 char:35',
      '+ Set-CsPersistentChatConfiguration -Foo 1',
      '+                                   ~~~~',
    ]);
  });

  it('underlines to the end of the line when the extent runs onto the next one', () => {
    const source = 'Where-Object {\n  $_.X }';
    expect(positionMessage(source, { start: 13, end: source.length })).toEqual(['At line:1 char:14', '+ Where-Object {', '+              ~']);
  });

  it('names a script file instead of "line", as PowerShell does for scripts', () => {
    expect(positionMessage('a\n  Get-Foo', { start: 4, end: 11 }, '/home/admin/setup.ps1')).toEqual([
      'At /home/admin/setup.ps1:2 char:3',
      '+   Get-Foo',
      '+   ~~~~~~~',
    ]);
  });

  it('draws at least one ~ for an empty extent', () => {
    expect(positionMessage('Get-Help -Name', { start: 14, end: 14 })).toEqual(['At line:1 char:15', '+ Get-Help -Name', '+               ~']);
  });

  it('shows tabs as four spaces and moves the underline with them', () => {
    expect(positionMessage('\tGet-Foo', { start: 1, end: 8 })).toEqual(['At line:1 char:2', '+     Get-Foo', '+     ~~~~~~~']);
  });

  it('cuts a long line the way Windows PowerShell 5.1 does (recorded output)', () => {
    // Recorded from Windows PowerShell 5.1 (a Measure-Object error at char 105).
    const source =
      'Get-ChildItem -Path backend -Directory | ForEach-Object { $size = (Get-ChildItem $_.FullName -Recurse | Measure-Object -Property Length -Sum).Sum / 1MB; "$($_.Name): $($size.ToString(\'F2\')) MB" }';
    const start = source.indexOf('Measure-Object');
    expect(positionMessage(source, { start, end: start + 'Measure-Object -Property Length -Sum'.length })).toEqual([
      'At line:1 char:105',
      '+ ... m $_.FullName -Recurse | Measure-Object -Property Length -Sum).Sum /  ...',
      '+                              ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
    ]);
  });

  it('cuts only the start when the extent is at the end of a long line', () => {
    const source = `${'Get-CsPersistentChatConfiguration | '.repeat(2)}Set-CsPersistentChatConfiguration -Foo`;
    const start = source.length - 4;
    expect(positionMessage(source, { start, end: source.length })).toEqual([
      'At line:1 char:107',
      '+ ... sPersistentChatConfiguration | Set-CsPersistentChatConfiguration -Foo',
      `+ ${' '.repeat(4 + 65)}~~~~`,
    ]);
  });
});

describe('formatErrorSummary', () => {
  it('is the first line of the record', () => {
    expect(formatErrorSummary(namedParameterNotFound({ start: 34, end: 38 }))).toBe(
      "Set-CsPersistentChatConfiguration : A parameter cannot be found that matches parameter name 'Foo'.",
    );
  });

  it('has no prefix for a language error', () => {
    expect(formatErrorSummary(errorRecord({ message: 'Attempted to divide by zero.', errorId: 'RuntimeException', category: 'NotSpecified' }))).toBe(
      'Attempted to divide by zero.',
    );
  });
});
