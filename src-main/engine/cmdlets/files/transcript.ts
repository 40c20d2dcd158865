// Start-Transcript and Stop-Transcript: record the session's input and
// output to a text file, as Windows PowerShell 5.1 does (one at a time here).

import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { alreadyExists } from '../../files/file-errors';
import { exists } from '../../files/read-file';
import { Transcript } from '../../files/transcript';
import { errorRecord, TerminatingError } from '../../shell/errors';
import { param } from '../builtins/support';
import { fileCommand, HOST, on, resolvePath, terminating } from './support';

function defaultPath(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  return path.join(os.homedir(), 'Documents', `PowerShell_transcript.${os.hostname()}.${crypto.randomBytes(4).toString('hex')}.${stamp}.txt`);
}

export const startTranscript = fileCommand(
  'Start-Transcript',
  HOST,
  [
    param('Path', 'String', 'The transcript file; by default a new file in your Documents folder.', { position: 0 }),
    param('Append', 'SwitchParameter', 'Continues an existing transcript file instead of replacing it.'),
    param('Force', 'SwitchParameter', 'Replaces a read-only file.'),
    param('NoClobber', 'SwitchParameter', 'Refuses to replace a file that already exists.', { aliases: ['NoOverwrite'] }),
  ],
  {
    synopsis: 'Starts recording the session to a text file.',
    description:
      'Start-Transcript writes every line typed in this console and everything it shows to a text file until ' +
      'Stop-Transcript, with a header and footer as Windows PowerShell 5.1 writes them. Only one transcript runs at a time.',
    examples: [{ title: 'Record a change session', code: 'Start-Transcript .\\pchat-session.txt', remarks: '' }],
    outputs: 'System.String',
  },
  (ctx) => ({
    async process(b) {
      const files = ctx.session.files();
      if (files.transcript) {
        throw new TerminatingError(
          errorRecord({
            message: `Transcription has already been started (to ${files.transcript.path}). Use Stop-Transcript to stop it.`,
            errorId: 'CannotStartTranscription',
            category: 'InvalidOperation',
            exceptionType: 'PSInvalidOperationException',
            command: ctx.commandName,
            extent: ctx.extent,
          }),
        );
      }
      const file = b.has('Path') ? resolvePath(ctx, b.get('Path')) : defaultPath(new Date());
      if (on(b, 'NoClobber') && exists(file)) throw terminating(ctx, alreadyExists(file));
      const transcript = new Transcript(file);
      try {
        transcript.start(on(b, 'Append'));
      } catch (e) {
        throw terminating(ctx, e);
      }
      files.transcript = transcript;
      await ctx.emit(`Transcript started, output file is ${file}`);
    },
  }),
);

export const stopTranscript = fileCommand(
  'Stop-Transcript',
  HOST,
  [],
  {
    synopsis: 'Stops the transcript that Start-Transcript started.',
    description: 'Stop-Transcript writes the transcript footer and closes the file.',
    examples: [{ title: 'Stop recording', code: 'Stop-Transcript', remarks: '' }],
    outputs: 'System.String',
  },
  (ctx) => ({
    async process() {
      const files = ctx.session.files();
      const transcript = files.transcript;
      if (!transcript) {
        throw new TerminatingError(
          errorRecord({
            message: 'An error occurred stopping transcription: The host is not currently transcribing.',
            errorId: 'InvalidOperation',
            category: 'InvalidOperation',
            exceptionType: 'PSInvalidOperationException',
            command: ctx.commandName,
            extent: ctx.extent,
          }),
        );
      }
      await ctx.emit(`Transcript stopped, output file is ${transcript.path}`);
      files.transcript = undefined;
      transcript.stop();
    },
  }),
);
