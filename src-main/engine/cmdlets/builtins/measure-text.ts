// Measure-Object's text set (-Line, -Word, -Character, -IgnoreWhiteSpace):
// counts as 5.1's MeasureObjectCommand does: a line per \n plus a last
// partial line, a word per run of non-white-space, characters with or
// without white space. Totals run over every input object (as text).

import { PSObject } from '../../shell/values';

export const TEXT_MEASURE_INFO = 'Microsoft.PowerShell.Commands.TextMeasureInfo';

export interface TextOptions {
  readonly lines: boolean;
  readonly words: boolean;
  readonly characters: boolean;
  readonly ignoreWhiteSpace: boolean;
}

export interface TextCounts {
  lines: number;
  words: number;
  characters: number;
}

const WHITE_SPACE = /\s/;

export function countText(text: string, counts: TextCounts, options: TextOptions): void {
  let inWhiteSpace = true;
  for (const c of text) {
    const white = WHITE_SPACE.test(c);
    if (c === '\n') counts.lines++;
    if (!white && inWhiteSpace) counts.words++;
    inWhiteSpace = white;
    // Length counts UTF-16 units, as .NET's String.Length does.
    if (!options.ignoreWhiteSpace || !white) counts.characters += c.length;
  }
  if (text.length > 0 && !text.endsWith('\n')) counts.lines++;
}

export function textMeasureInfo(counts: TextCounts, options: TextOptions, property: string | null): PSObject {
  return new PSObject(TEXT_MEASURE_INFO, [
    ['Lines', options.lines ? counts.lines : null],
    ['Words', options.words ? counts.words : null],
    ['Characters', options.characters ? counts.characters : null],
    ['Property', property],
  ]);
}
