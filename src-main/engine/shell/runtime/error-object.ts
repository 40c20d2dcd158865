// $Error entries: error records as objects, so `$Error[0]` can be inspected
// ($Error[0].Exception.Message, .FullyQualifiedErrorId, .CategoryInfo.Category)
// and still displays as an error record; its string form is the message.

import type { ErrorRecordData } from '../errors';
import { PSObject, type Value } from '../values';

function textual(typeName: string, properties: [string, Value][], text: string): PSObject {
  const obj = new PSObject(typeName, properties);
  obj.text = text;
  return obj;
}

/** "site:X:XdsIdentity" → ["site:X", "XdsIdentity"]. */
function splitTarget(target: string): [string, string] {
  const at = target.lastIndexOf(':');
  return at < 0 ? [target, ''] : [target.slice(0, at), target.slice(at + 1)];
}

export class ErrorRecordObject extends PSObject {
  constructor(
    readonly record: ErrorRecordData,
    /** The statement source the extent points into. */
    readonly source: string,
    /** The script file the source came from (-File), named in the position message. */
    readonly scriptPath?: string,
  ) {
    const [targetName, targetType] = splitTarget(record.target);
    const categoryLine = `${record.category}: (${record.target || ':'}) [${record.command}], ${record.exceptionType}`;
    super('System.Management.Automation.ErrorRecord', [
      ['Exception', textual(`System.Management.Automation.${record.exceptionType}`, [['Message', record.message]], record.message)],
      ['TargetObject', targetName || null],
      [
        'CategoryInfo',
        textual(
          'System.Management.Automation.ErrorCategoryInfo',
          [
            ['Category', record.category],
            ['Activity', record.command],
            ['Reason', record.exceptionType],
            ['TargetName', targetName],
            ['TargetType', targetType],
          ],
          categoryLine,
        ),
      ],
      ['FullyQualifiedErrorId', record.command ? `${record.errorId},${record.command}` : record.errorId],
      [
        'InvocationInfo',
        new PSObject('System.Management.Automation.InvocationInfo', [
          ['MyCommand', record.command ? textual('System.Management.Automation.CmdletInfo', [['Name', record.command]], record.command) : null],
          ['ScriptName', scriptPath ?? ''],
        ]),
      ],
    ]);
    this.text = record.message;
  }
}
