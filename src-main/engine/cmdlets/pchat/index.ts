// pchat-admin's own cmdlets (noun prefix Pchat: baseline, changes, backup, history and undo, the connection: pull and push), and the two topology
// cmdlets that answer from what Import-PchatTopology recorded.

import type { CommandDef } from '../../shell/commands';
import { exportConfiguration, importConfiguration } from './configuration-backup';
import { exportChangeScript } from './export-change-script';
import { getBaseline, getChange } from './get-change';
import { importBaseline } from './import-baseline';
import { getService, getSite, importTopology } from './topology';
import { getPchatHistory } from './get-pchat-history';
import { undoPchatChange } from './undo-pchat-change';
import { connectPchatServer, disconnectPchatServer, getPchatConnection } from './connection';
import { publishPchatChange } from './publish-change';
import { syncPchatBaseline } from './sync-baseline';

export const PCHAT_COMMANDS: readonly CommandDef[] = [
  importBaseline,
  getBaseline,
  getChange,
  exportChangeScript,
  exportConfiguration,
  importConfiguration,
  importTopology,
  getSite,
  getService,
  getPchatHistory,
  undoPchatChange,
  connectPchatServer,
  getPchatConnection,
  syncPchatBaseline,
  publishPchatChange,
  disconnectPchatServer,
];
