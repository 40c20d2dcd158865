// How an error record is displayed: Windows PowerShell 5.1's default
// ErrorView ("NormalView") and its position message, so the console looks
// like the Management Shell an administrator knows:
//
//   Set-CsPersistentChatConfiguration : <message>
//   At line:1 char:35
//   + Set-CsPersistentChatConfiguration -Foo 1
//   +                                   ~~~~
//       + CategoryInfo          : InvalidArgument: (:) [Set-…], ParameterBindingException
//       + FullyQualifiedErrorId : NamedParameterNotFound,Set-…

import type { Extent } from '../ast';
import type { ErrorRecordData } from '../errors';

/** PowerShell cuts the source line shown under "At line:" to this many characters. */
const MAX_SHOWN_LINE = 69;
/** Characters kept before and after the underlined part when the line is cut. */
const KEEP_BEFORE = 12;
const KEEP_AFTER = 8;

interface LinePosition {
  readonly line: number;
  /** 0-based column. */
  readonly column: number;
  readonly lineText: string;
}

function locate(source: string, offset: number): LinePosition {
  const at = Math.max(0, Math.min(offset, source.length));
  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = source.indexOf('\n', at);
  if (lineEnd < 0) lineEnd = source.length;
  const line = source.slice(0, lineStart).split('\n').length;
  return { line, column: at - lineStart, lineText: source.slice(lineStart, lineEnd).replace(/\r$/, '') };
}

/**
 * "At line:L char:C" (or "At <script path>:L char:C" for a script file) plus
 * the source line and the ~~~ underline, as PowerShell's PositionMessage
 * builds it: tabs shown as four spaces, an extent running past the line
 * underlined to its end, long lines cut to a window around the underline
 * with "... " / " ..." marking the cuts.
 */
export function positionMessage(source: string, extent: Extent, scriptPath?: string): string[] {
  const start = locate(source, extent.start);
  const end = locate(source, extent.end);
  const header = `At ${scriptPath ?? 'line'}:${start.line} char:${start.column + 1}`;
  let text = start.lineText.trimEnd();
  if (text === '') return [header];

  let before = Math.min(start.column, text.length);
  let length =
    end.line === start.line && end.column <= text.length ? end.column - start.column : text.length - before;

  if (text.includes('\t')) {
    const head = text.slice(0, before).replace(/\t/g, '    ');
    const mid = text.slice(before, before + length).replace(/\t/g, '    ');
    text = head + mid + text.slice(before + length).replace(/\t/g, '    ');
    before = head.length;
    length = mid.length;
  }

  let cutStart = false;
  let cutEnd = false;
  if (text.length > MAX_SHOWN_LINE) {
    const after = text.length - length - before;
    let keepBefore = Math.min(before, KEEP_BEFORE);
    let keepAfter = Math.min(after, KEEP_AFTER);
    let total = keepBefore + length + keepAfter;
    if (total >= MAX_SHOWN_LINE) {
      if (keepBefore + length >= MAX_SHOWN_LINE) length = MAX_SHOWN_LINE - keepBefore;
      cutEnd = true;
    } else {
      // Room to spare: widen the window to the left first, then to the right.
      keepBefore += Math.min(before - keepBefore, MAX_SHOWN_LINE - total);
      total = keepBefore + length + keepAfter;
      if (total < MAX_SHOWN_LINE && after > 0) keepAfter += Math.min(after, MAX_SHOWN_LINE - total);
      cutEnd = keepAfter < after;
    }
    cutStart = keepBefore < before;
    text = text.substr(Math.max(before - keepBefore, 0), MAX_SHOWN_LINE);
    before = Math.min(before, keepBefore);
    length = Math.min(length, MAX_SHOWN_LINE - before);
  }

  const shown = `${cutStart ? '... ' : ''}${text}${cutEnd ? ' ...' : ''}`;
  const underline = ' '.repeat(before + (cutStart ? 4 : 0)) + '~'.repeat(Math.max(length, 1));
  return [header, `+ ${shown}`, `+ ${underline}`];
}

/** PowerShell shortens a long target name in CategoryInfo to its first and last 15 characters. */
function ellipsizeTarget(target: string): string {
  if (target === '') return ':';
  const colon = target.lastIndexOf(':');
  const name = colon >= 0 ? target.slice(0, colon) : target;
  const rest = colon >= 0 ? target.slice(colon) : '';
  const shortName = name.length > 40 ? `${name.slice(0, 15)}...${name.slice(-15)}` : name;
  return shortName + rest;
}

/**
 * A command that was never found has no command to name in CategoryInfo,
 * but PowerShell still prefixes the message with the name as typed.
 */
function invocationName(record: ErrorRecordData): string {
  if (record.invocationName !== undefined) return record.invocationName;
  if (record.command) return record.command;
  if (record.errorId === 'CommandNotFoundException') {
    const colon = record.target.lastIndexOf(':');
    return colon > 0 ? record.target.slice(0, colon) : record.target;
  }
  return '';
}

function categoryLine(record: ErrorRecordData): string {
  const activity = record.activity ?? (record.errorId === 'CommandNotFoundException' ? '' : record.command);
  return `    + CategoryInfo          : ${record.category}: (${ellipsizeTarget(record.target)}) [${activity}], ${record.exceptionType}`;
}

function errorIdLine(record: ErrorRecordData): string {
  const qualified = record.fullyQualifiedErrorId ?? (record.command && record.errorId !== 'CommandNotFoundException' ? `${record.errorId},${record.command}` : record.errorId);
  return `    + FullyQualifiedErrorId : ${qualified}`;
}

/** The one-line form for the window's collapsed error view. */
export function formatErrorSummary(record: ErrorRecordData): string {
  const name = invocationName(record);
  return name ? `${name} : ${record.message}` : record.message;
}

/** The full error record, line by line, with the position taken from `source` (a script file's when `scriptPath` is given). */
export function formatErrorRecord(record: ErrorRecordData, source: string, scriptPath?: string): string[] {
  const position = record.invocationName !== undefined ? [] : (record.position ?? (record.extent ? positionMessage(source, record.extent, scriptPath) : []));
  const messageLines = formatErrorSummary(record).split('\n');
  // A parse error's message carries its position first (ParseException's own
  // text); every other record puts the message first.
  const body =
    record.category === 'ParserError' && !record.command ? [...position, ...messageLines] : [...messageLines, ...position];
  return [...body, categoryLine(record), errorIdLine(record)];
}
