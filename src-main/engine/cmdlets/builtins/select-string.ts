// Select-String on text that comes down the pipeline (or -InputObject): each
// object is one line, tested against regular expressions (or plain text with
// -SimpleMatch), without regard to case unless -CaseSensitive. Matches are
// MatchInfo objects that show as their line, as 5.1 shows them for input
// that is not a file; -Context adds the neighbouring lines (> marks the
// match), -NotMatch inverts, -AllMatches finds every match in a line,
// -Quiet returns only True or False. Searching files is the file commands'.

import type { Bound, CommandContext, CommandDef, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { errorRecord, TerminatingError } from '../../shell/errors';
import { PSObject, type Value } from '../../shell/values';
import { INT32_MAX, param, UTILITY } from './support';

export const MATCH_INFO = 'Microsoft.PowerShell.Commands.MatchInfo';
const MATCH = 'System.Text.RegularExpressions.Match';

const PARAMETERS: readonly ParameterDef[] = [
  param('InputObject', 'Object', 'The text to search. Usually supplied through the pipeline; each object is one line.', { mandatory: true, pipeline: ['ByValue'] }),
  param('Pattern', 'String[]', 'What to look for: regular expressions (plain text with -SimpleMatch). A line matches when any pattern does.', { mandatory: true, position: 0 }),
  param('SimpleMatch', 'SwitchParameter', 'Takes the patterns as plain text, not regular expressions.'),
  param('CaseSensitive', 'SwitchParameter', 'Matches case exactly.'),
  param('NotMatch', 'SwitchParameter', 'Returns the lines that do not match.'),
  param('AllMatches', 'SwitchParameter', 'Finds every match in a line, not just the first (see the Matches property).'),
  param('Quiet', 'SwitchParameter', 'Returns True if any line matched, else False, instead of the matches.'),
  param('List', 'SwitchParameter', 'Returns only the first match.'),
  param('Context', 'Int32[]', 'Lines to show before and after each match: one number for both, or two (before, after).', { range: { min: 0, max: INT32_MAX } }),
];

interface Pending {
  readonly info: PSObject;
  readonly line: string;
  readonly pre: string[];
  readonly post: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(patterns: readonly string[], simple: boolean, caseSensitive: boolean): RegExp[] {
  return patterns.map((p) => {
    try {
      return new RegExp(simple ? escapeRegExp(p) : p, caseSensitive ? 'gu' : 'giu');
    } catch {
      throw new TerminatingError(
        errorRecord({
          message: `The string ${p} is not a valid regular expression: parsing "${p}" - the pattern is not valid.`,
          errorId: 'InvalidRegex',
          category: 'InvalidArgument',
          exceptionType: 'ArgumentException',
          target: `${p}:String`,
        }),
      );
    }
  });
}

function matchObject(m: RegExpExecArray): PSObject {
  const groups = [...m].map((g, i) => {
    const group = new PSObject('System.Text.RegularExpressions.Group', [['Success', g !== undefined], ['Name', String(i)], ['Index', i === 0 ? m.index : -1], ['Length', g?.length ?? 0], ['Value', g ?? '']]);
    group.text = g ?? '';
    return group;
  });
  const match = new PSObject(MATCH, [['Groups', groups], ['Success', true], ['Name', '0'], ['Captures', [groups[0]!]], ['Index', m.index], ['Length', m[0].length], ['Value', m[0]]]);
  match.text = m[0];
  return match;
}

/** The MatchInfo's text: the line alone, or with -Context the neighbours marked as 5.1 marks them. */
function infoText(p: { line: string; pre: readonly string[]; post: readonly string[] }, withContext: boolean): string {
  if (!withContext) return p.line;
  return [...p.pre.map((l) => `  ${l}`), `> ${p.line}`, ...p.post.map((l) => `  ${l}`)].join('\n');
}

function create(ctx: CommandContext) {
  let regexes: RegExp[] = [];
  let options: Bound = new Map();
  let before = 0;
  let after = 0;
  let lineNumber = 0;
  let found = false;
  let done = false;
  const history: string[] = [];
  const waiting: Pending[] = [];

  const finish = async (p: Pending) => {
    const withContext = options.has('Context');
    const context = withContext ? new PSObject('Microsoft.PowerShell.Commands.MatchInfoContext', [['PreContext', p.pre], ['PostContext', p.post], ['DisplayPreContext', p.pre], ['DisplayPostContext', p.post]]) : null;
    p.info.set('Context', context);
    p.info.text = infoText(p, withContext);
    await ctx.emit(p.info);
  };

  return {
    async begin(bound: Bound) {
      options = bound;
      const patterns = (bound.get('Pattern') as string[] | undefined) ?? [];
      regexes = compile(patterns, bound.get('SimpleMatch') === true, bound.get('CaseSensitive') === true);
      const context = (bound.get('Context') as number[] | undefined) ?? [];
      if (context.length > 2) {
        throw new TerminatingError(errorRecord({ message: 'The value of the Context parameter must have one or two elements.', errorId: 'ContextTooManyElements', category: 'InvalidArgument', exceptionType: 'PSArgumentException' }));
      }
      before = context[0] ?? 0;
      after = context[1] ?? before;
    },
    async process(bound: Bound, input: { value: Value } | undefined) {
      if (done) return;
      const item = bound.get('InputObject') ?? input?.value ?? null;
      if (item === null) return;
      const line = toPSString(item);
      lineNumber++;
      // This line is post-context for the matches still waiting for theirs.
      for (const p of waiting) p.post.push(line);
      while (waiting.length > 0 && waiting[0]!.post.length >= after) await finish(waiting.shift()!);

      const matches: RegExpExecArray[] = [];
      let pattern = '';
      for (const re of regexes) {
        re.lastIndex = 0;
        const first = re.exec(line);
        if (!first) continue;
        pattern = re.source;
        matches.push(first);
        if (options.get('AllMatches') === true) {
          for (let m = re.exec(line); m; m = re.exec(line)) {
            if (m[0] === '') re.lastIndex++;
            matches.push(m);
          }
        }
        break;
      }
      const hit = options.get('NotMatch') === true ? matches.length === 0 : matches.length > 0;
      const pre = before > 0 ? history.slice(-before) : [];
      if (before > 0) {
        history.push(line);
        if (history.length > before) history.shift();
      }
      if (!hit) return;
      found = true;
      if (options.get('Quiet') === true) return;
      const info = new PSObject(MATCH_INFO, [
        ['IgnoreCase', options.get('CaseSensitive') !== true],
        ['LineNumber', lineNumber],
        ['Line', line],
        ['Filename', 'InputStream'],
        ['Path', 'InputStream'],
        ['Pattern', options.get('NotMatch') === true ? toPSString((options.get('Pattern') as string[])[0] ?? '') : regexes.length === 1 ? toPSString((options.get('Pattern') as string[])[0]!) : pattern],
        ['Context', null],
        ['Matches', matches.map(matchObject)],
      ]);
      const pending: Pending = { info, line, pre, post: [] };
      if (options.get('List') === true) done = true;
      if (after > 0 && !done) waiting.push(pending);
      else await finish(pending);
    },
    async end() {
      for (const p of waiting.splice(0)) await finish(p);
      if (options.get('Quiet') === true) await ctx.emit(found);
    },
  };
}

export const selectString: CommandDef = {
  name: 'Select-String',
  parameters: PARAMETERS,
  sets: ['Object'],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Finds text in strings, like grep.',
    description:
      'Select-String searches the text that reaches it, one object per line, for regular expressions (or plain text with ' +
      '-SimpleMatch). Case is ignored unless -CaseSensitive is given. Each matching line comes back as a MatchInfo, shown as the ' +
      'line itself; its Line, LineNumber, Pattern and Matches properties are there for scripts. -NotMatch returns the lines ' +
      'that do not match, -AllMatches records every match in a line, -Context shows neighbouring lines (the match marked >), ' +
      '-Quiet returns only True or False.',
    examples: [
      {
        title: 'Search a formatted listing',
        code: 'Get-CsPersistentChatConfiguration | Out-String -Stream | Select-String "Url"',
        remarks: 'The lines of the list view that mention Url.',
      },
      {
        title: 'Does any identity name a pool?',
        code: 'Get-CsPersistentChatConfiguration | % Identity | Select-String -SimpleMatch "service:" -Quiet',
        remarks: 'True or False.',
      },
      {
        title: 'A match with its neighbours',
        code: '"one","two","three","four" | Select-String three -Context 1',
        remarks: 'Shows "  two", "> three" and "  four".',
      },
    ],
    inputs: 'System.Management.Automation.PSObject\n    Any object can be piped; it is searched as text.',
    outputs: `${MATCH_INFO}, System.Boolean`,
  },
  source: UTILITY,
  create,
};
