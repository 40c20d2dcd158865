// The cmdlets a bulk change can run (types only, for the IPC contract).

import type { ConfigCmdletName } from '../domain/parameters';

export type BulkCmdletName = Extract<ConfigCmdletName, 'Set-CsPersistentChatConfiguration' | 'Remove-CsPersistentChatConfiguration'>;
