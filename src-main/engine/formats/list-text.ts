// Reads the list text a Management Shell window prints for objects with many
// properties ("Name : Value" lines, a blank line between objects), as an
// administrator copies it into a file. Values wrapped onto indented lines
// are joined back; an empty value is $null; a pasted prompt line is skipped.

export class ListTextError extends Error {}

export interface ListObject {
  readonly properties: [string, string | null][];
}

const PROPERTY_LINE = /^([A-Za-z_][\w.-]*)\s*: ?(.*)$/;
const PROMPT_LINE = /^PS [^>]*>/;

export function parseListText(text: string): ListObject[] {
  const objects: ListObject[] = [];
  let current: [string, string | null][] | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const line = raw.replace(/\s+$/, '');
    if (line === '') {
      current = undefined;
      return;
    }
    if (PROMPT_LINE.test(line)) return;
    const match = PROPERTY_LINE.exec(line);
    if (match && !/^\s/.test(raw)) {
      if (!current) objects.push({ properties: (current = []) });
      const value = match[2]!.trim();
      current.push([match[1]!, value === '' ? null : value]);
      return;
    }
    const last = current?.[current.length - 1];
    if (last && /^\s/.test(raw)) {
      // Format-List wraps a long value onto lines indented to the value column.
      last[1] = (last[1] ?? '') + line.trim();
      return;
    }
    throw new ListTextError(`line ${index + 1} is not a "Name : Value" line of list output: '${line.slice(0, 80)}'`);
  });
  return objects;
}
