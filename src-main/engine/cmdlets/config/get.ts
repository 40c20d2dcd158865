// Get-CsPersistentChatConfiguration: every collection, one by -Identity, or
// those matching a -Filter wildcard. Returns copies.

import { compileWildcard } from '../../shell/wildcard';
import { toConfigObject } from './config-object';
import { configCommand, notFound } from './shared';

export const getConfiguration = configCommand('Get-CsPersistentChatConfiguration', (ctx) => ({
  async process(bound) {
    if (bound.get('LocalStore') === true) {
      for (const w of ctx.repo.refresh(true)) await ctx.writeWarning(w.message);
    }
    const identity = bound.get('Identity') as string | undefined;
    if (identity !== undefined) {
      const record = ctx.repo.get(identity);
      if (!record) return notFound(ctx, identity);
      await ctx.emit(toConfigObject(record));
      return;
    }
    const filter = bound.get('Filter') as string | null | undefined;
    // A malformed filter is WildcardPatternException, reported like any exception a cmdlet throws.
    const pattern = filter !== undefined && filter !== null ? compileWildcard(filter) : undefined;
    for (const record of ctx.repo.list()) {
      if (!pattern || pattern.test(record.Identity)) await ctx.emit(toConfigObject(record));
    }
  },
}));
