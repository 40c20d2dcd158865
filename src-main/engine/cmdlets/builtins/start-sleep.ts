// Start-Sleep: waits. The Stop button and Ctrl+C end the wait at once (the
// statement then stops, as any stopped statement does).

import type { Bound, CommandContext, CommandDef, ParameterDef } from '../../shell/commands';
import { INT32_MAX, param, UTILITY } from './support';

const SECONDS = 'Seconds';
const MILLISECONDS = 'Milliseconds';

const PARAMETERS: readonly ParameterDef[] = [
  // 5.1's own limits: seconds up to Int32.MaxValue / 1000, so the milliseconds fit an Int32.
  param('Seconds', 'Int32', 'How many seconds to wait.', { sets: [SECONDS], mandatory: true, position: 0, pipeline: ['ByValue', 'ByPropertyName'], range: { min: 0, max: Math.floor(INT32_MAX / 1000) } }),
  param('Milliseconds', 'Int32', 'How many milliseconds to wait.', { sets: [MILLISECONDS], mandatory: true, pipeline: ['ByPropertyName'], aliases: ['ms'], range: { min: 0, max: INT32_MAX } }),
];

function create(ctx: CommandContext) {
  return {
    async process(bound: Bound) {
      const ms = bound.has(MILLISECONDS) ? (bound.get(MILLISECONDS) as number) : ((bound.get(SECONDS) as number | undefined) ?? 0) * 1000;
      await ctx.sleep(ms);
    },
  };
}

export const startSleep: CommandDef = {
  name: 'Start-Sleep',
  parameters: PARAMETERS,
  sets: [SECONDS, MILLISECONDS],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Waits for a number of seconds or milliseconds.',
    description:
      'Start-Sleep pauses the script. The Stop button, Ctrl+C (and SIGINT or SIGTERM for the headless shell) end the wait ' +
      'at once; the statement is then stopped like any other, and nothing it had changed is kept.',
    examples: [
      { title: 'Wait five seconds', code: 'Start-Sleep 5', remarks: 'The same as Start-Sleep -Seconds 5.' },
      { title: 'A short pause', code: 'Start-Sleep -Milliseconds 250', remarks: 'Waits a quarter of a second.' },
    ],
    inputs: 'System.Int32\n    The number of seconds can be piped.',
    outputs: 'None',
  },
  source: UTILITY,
  create,
};
