// $Error entries: error records as objects, so `$Error[0]` can be inspected
// ($Error[0].FullyQualifiedErrorId) and still displays as an error record.

import type { ErrorRecordData } from '../errors';
import { PSObject } from '../values';

export class ErrorRecordObject extends PSObject {
  constructor(
    readonly record: ErrorRecordData,
    /** The statement source the extent points into. */
    readonly source: string,
  ) {
    super('System.Management.Automation.ErrorRecord', [
      ['Exception', record.message],
      ['FullyQualifiedErrorId', record.command ? `${record.errorId},${record.command}` : record.errorId],
      ['CategoryInfo', `${record.category}: (${record.target || ':'}) [${record.command}], ${record.exceptionType}`],
      ['TargetObject', record.target || null],
    ]);
  }
}
