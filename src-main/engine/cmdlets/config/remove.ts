// Remove-CsPersistentChatConfiguration: deletes a site or pool collection;
// Global cannot be deleted and is reset to its defaults instead.

import { configCommand, isGlobal, notFound } from './shared';

export const removeConfiguration = configCommand('Remove-CsPersistentChatConfiguration', (ctx) => ({
  async process(bound) {
    const identity = bound.get('Identity') as string;
    const current = ctx.repo.get(identity);
    if (!current) return notFound(ctx, identity);
    if (!(await ctx.shouldProcess(current.Identity))) return;
    ctx.repo.remove(current.Identity);
    if (isGlobal(identity) && bound.get('Force') !== true) {
      await ctx.writeWarning('The global Persistent Chat configuration cannot be removed. Its settings have been reset to their default values.');
    }
  },
}));
