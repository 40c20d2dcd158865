// The deployment's topology as far as Persistent Chat needs it: its sites
// (Get-CsSite) and its Persistent Chat pools (Get-CsService
// -PersistentChatServer), imported from the server's exports and kept in
// topology.json beside the store.

import { isValidPoolFqdn, isValidSiteName } from '../domain/identity';
import { toPSString } from '../shell/convert';
import type { Value } from '../shell/values';
import type { InputObject } from '../formats/config-input';
import type { ConfigRepository } from '../store/types';
import type { BaselineSource } from './baseline';
import { identityText } from './records';
import { readSideFile, sideFilePath, TOPOLOGY_FILE_NAME, writeSideFile, type SideRead } from './side-files';

export const TOPOLOGY_FORMAT = 'pchat-admin-topology';
export const TOPOLOGY_VERSION = 1;

export interface TopologySite {
  /** As Get-CsSite shows it: Site:<name>. */
  readonly Identity: string;
  readonly SiteId: string;
  readonly DisplayName: string;
  readonly Description: string | null;
}

export interface TopologyPool {
  /** As Get-CsService shows it: PersistentChatServer:<pool fqdn>. */
  readonly Identity: string;
  readonly PoolFqdn: string;
  /** The site the pool belongs to (Site:<name>), when the export says. */
  readonly SiteId: string | null;
}

export interface TopologyFile {
  readonly format: typeof TOPOLOGY_FORMAT;
  readonly version: number;
  readonly sources: BaselineSource[];
  readonly sites: TopologySite[];
  readonly pools: TopologyPool[];
}

export class TopologyError extends Error {}

export function topologyPath(repo: Pick<ConfigRepository, 'path'>): string {
  return sideFilePath(repo.path, TOPOLOGY_FILE_NAME);
}

export function readTopology(repo: Pick<ConfigRepository, 'path'>): SideRead<TopologyFile> {
  const read = readSideFile<TopologyFile>(topologyPath(repo), TOPOLOGY_FORMAT, TOPOLOGY_VERSION);
  if (read.kind === 'ok' && (!Array.isArray(read.data.sites) || !Array.isArray(read.data.pools))) return { kind: 'damaged', reason: `${topologyPath(repo)} is incomplete` };
  return read;
}

export function writeTopology(repo: Pick<ConfigRepository, 'path'>, data: Omit<TopologyFile, 'format' | 'version'>): void {
  writeSideFile(topologyPath(repo), TOPOLOGY_FORMAT, TOPOLOGY_VERSION, { format: TOPOLOGY_FORMAT, version: TOPOLOGY_VERSION, ...data });
}

function prop(obj: InputObject, name: string): Value | undefined {
  return obj.properties.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

function text(value: Value | undefined): string | null {
  if (value === undefined || value === null) return null;
  const t = identityText(value).trim();
  return t === '' ? null : t;
}

/** Sites and pools in the objects; anything else in the file is an error (all or nothing). */
export function readTopologyObjects(objects: readonly InputObject[]): { sites: TopologySite[]; pools: TopologyPool[] } {
  if (objects.length === 0) throw new TopologyError('it holds no sites and no services');
  const sites: TopologySite[] = [];
  const pools: TopologyPool[] = [];
  objects.forEach((obj, index) => {
    const identity = text(prop(obj, 'Identity')) ?? '';
    const fqdn = text(prop(obj, 'PoolFqdn'));
    if (/^PersistentChatServer:/i.test(identity) || fqdn !== null) {
      const pool = (fqdn ?? identity.replace(/^PersistentChatServer:/i, '')).toLowerCase();
      if (!isValidPoolFqdn(pool)) throw new TopologyError(`object ${index + 1} (${identity}): '${pool}' is not a valid pool FQDN`);
      if (pools.some((p) => p.PoolFqdn === pool)) throw new TopologyError(`the pool ${pool} appears more than once`);
      pools.push({ Identity: `PersistentChatServer:${pool}`, PoolFqdn: pool, SiteId: text(prop(obj, 'SiteId')) });
      return;
    }
    if (/^Site:/i.test(identity)) {
      const name = identity.slice(5);
      if (!isValidSiteName(name)) throw new TopologyError(`object ${index + 1}: '${name}' is not a valid site name`);
      if (sites.some((s) => s.Identity.toLowerCase() === `site:${name}`.toLowerCase())) throw new TopologyError(`the site ${name} appears more than once`);
      sites.push({
        Identity: `Site:${name}`,
        SiteId: text(prop(obj, 'SiteId')) ?? '',
        DisplayName: text(prop(obj, 'DisplayName')) ?? name,
        Description: text(prop(obj, 'Description')),
      });
      return;
    }
    throw new TopologyError(
      `object ${index + 1} (Identity '${toPSString(identity)}') is neither a site (Site:<name>) nor a Persistent Chat service (PersistentChatServer:<pool>)`,
    );
  });
  return { sites, pools };
}
