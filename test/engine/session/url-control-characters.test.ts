// URL properties refuse control characters on every way in (D11): a stored
// escape sequence would otherwise reach the terminal of whoever runs Get on a
// shared store. The message does not quote the value (it could itself be the
// escape sequence), and nothing is stored. Printing: test/cli/terminal.test.ts.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeAll(() => {
  t = createTestSession();
});
afterAll(() => t.cleanup());

const REFUSED = 'The argument contains control characters (such as ESC), which a URL cannot hold.';

describe('URL properties and control characters', () => {
  it.each([
    ['ESC (`e)', 'Set-CsPersistentChatConfiguration -RoomManagementUrl "https://rooms.contoso.com/`e[2J"'],
    ['BEL in an OSC title sequence', 'Set-CsPersistentChatConfiguration -FileServiceUrl "https://files.contoso.com/`e]0;PWNED`a"'],
    ['a raw C1 CSI (U+009B)', "Set-CsPersistentChatConfiguration -FileServiceUrl 'https://files.contoso.com/\u009b2J'"],
    ['a raw DEL', "Set-CsPersistentChatConfiguration -RoomManagementUrl 'https://rooms.contoso.com/\u007f'"],
    ['NUL', 'New-CsPersistentChatConfiguration -Identity site:Paris -RoomManagementUrl "https://rooms.contoso.com/`0"'],
    ['CR', 'Set-CsPersistentChatConfiguration -RoomManagementUrl "https://rooms.contoso.com/`rfake prompt"'],
  ])('a parameter holding %s is refused, and nothing is stored', async (_, line) => {
    const before = JSON.stringify(t.file());
    const r = await t.run(line);
    expect(r.success).toBe(false);
    expect(r.lines[0]!.record).toMatchObject({ errorId: 'ParameterArgumentValidationError', category: 'InvalidData' });
    expect(r.lines[0]!.record!.message).toContain(REFUSED);
    // The message never quotes the value (the echoed command line is the user's own input; the terminal escapes it).
    expect(r.lines[0]!.record!.message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(JSON.stringify(t.file())).toBe(before);
  });

  it('a property set on an object is refused the same way', async () => {
    const r = await t.run('$x = Get-CsPersistentChatConfiguration -Identity Global; $x.RoomManagementUrl = "https://rooms.contoso.com/`e[2J"');
    expect(r.success).toBe(false);
    expect(r.text).toContain(REFUSED);
    expect((await t.run('$x.RoomManagementUrl -eq $null')).text).toBe('True');
  });

  it('a URL without control characters is still taken', async () => {
    expect((await t.run('Set-CsPersistentChatConfiguration -RoomManagementUrl "https://rooms.contoso.com/a%1Bb"; (Get-CsPersistentChatConfiguration).RoomManagementUrl')).text).toBe(
      'https://rooms.contoso.com/a%1Bb',
    );
  });
});
