// New-CsPersistentChatConfiguration: creates a site or pool collection from
// the defaults (or -Instance), explicit parameters winning.

import { defaultValues, type ConfigRecord } from '../../domain/properties';
import { isConfigObject, toConfigObject, valuesOf } from './config-object';
import { configCommand, explicitValues, isGlobal, notAConfiguration, OBJECT_NAME } from './shared';

export const newConfiguration = configCommand('New-CsPersistentChatConfiguration', (ctx) => ({
  async process(bound) {
    const identity = bound.get('Identity') as string;
    if (isGlobal(identity)) {
      await ctx.writeError({
        message: 'The global Persistent Chat configuration always exists and cannot be created. To change it, use Set-CsPersistentChatConfiguration -Identity Global.',
        errorId: 'GlobalCannotBeCreated',
        category: 'InvalidOperation',
        exceptionType: 'InvalidOperationException',
        target: `${identity}:XdsIdentity`,
      });
      return;
    }
    const existing = ctx.repo.get(identity);
    if (existing) {
      await ctx.writeError({
        message: `"${OBJECT_NAME}" "${existing.Identity}" already exists. To change it, use Set-CsPersistentChatConfiguration.`,
        errorId: 'ConfigurationAlreadyExists',
        category: 'ResourceExists',
        exceptionType: 'InvalidOperationException',
        target: `${existing.Identity}:XdsIdentity`,
      });
      return;
    }
    const instance = bound.get('Instance');
    if (instance !== undefined && !isConfigObject(instance)) return notAConfiguration(ctx);
    const base = instance !== undefined && isConfigObject(instance) ? valuesOf(instance) : defaultValues();
    const record: ConfigRecord = { Identity: identity, ...base, ...explicitValues(bound) };

    if (bound.get('InMemory') === true) {
      await ctx.emit(toConfigObject(record, true));
      return;
    }
    if (!(await ctx.shouldProcess(identity))) return;
    ctx.repo.create(record);
    await ctx.emit(toConfigObject(record));
  },
}));
