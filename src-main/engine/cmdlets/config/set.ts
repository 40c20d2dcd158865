// Set-CsPersistentChatConfiguration: changes Global (no identity), the named
// collection, or writes an -Instance object back (creating an -InMemory one).

import { PROPERTIES, type PropertyValues } from '../../domain/properties';
import { isConfigObject, valuesOf } from './config-object';
import { configCommand, explicitValues, notAConfiguration, notFound } from './shared';

export const setConfiguration = configCommand('Set-CsPersistentChatConfiguration', (ctx) => ({
  async process(bound) {
    const explicit = explicitValues(bound);
    const instance = bound.get('Instance');
    if (instance !== undefined) {
      if (!isConfigObject(instance)) return notAConfiguration(ctx);
      const identity = String(instance.get('Identity'));
      const wanted: PropertyValues = { ...valuesOf(instance), ...explicit };
      const current = ctx.repo.get(identity);
      if (!current) {
        if (!instance.inMemory) return notFound(ctx, identity);
        if (await ctx.shouldProcess(identity)) ctx.repo.create({ Identity: identity, ...wanted });
        return;
      }
      // Only what differs (or was given explicitly) is written, so a concurrent
      // change to another property by another process survives the commit.
      const patch: Record<string, unknown> = { ...explicit };
      for (const p of PROPERTIES) {
        const name = p.name as keyof PropertyValues;
        if (wanted[name] !== current[name]) patch[name] = wanted[name];
      }
      if (await ctx.shouldProcess(current.Identity)) {
        if (Object.keys(patch).length > 0) ctx.repo.update(current.Identity, patch as Partial<PropertyValues>);
      }
      return;
    }
    const identity = (bound.get('Identity') as string | undefined) ?? 'Global';
    const current = ctx.repo.get(identity);
    if (!current) return notFound(ctx, identity);
    if (await ctx.shouldProcess(current.Identity)) {
      if (Object.keys(explicit).length > 0) ctx.repo.update(current.Identity, explicit);
    }
  },
}));
