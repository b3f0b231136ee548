/** The CKAN package JSON as a CKAN harvester reads it: organization, licence id, CKAN's own time form. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPortal } from '../build.ts';
import { diskSources } from '../io/files.ts';
import { fixedHistory } from '../io/history.ts';
import { ckanTime } from './package.ts';

describe('ckanTime', () => {
  it('writes a time as CKAN writes its own: naive UTC, as Python isoformat() gives it', () => {
    expect(ckanTime('2024-05-01T12:00:00Z')).toBe('2024-05-01T12:00:00');
    expect(ckanTime('2024-05-01T15:30:07+03:00')).toBe('2024-05-01T12:30:07');
    expect(ckanTime('2024-12-31T23:59:59.25-01:00')).toBe('2025-01-01T00:59:59.250000');
  });
});

interface CkanPackage {
  result: {
    id: string;
    name: string;
    license_id: string;
    license_url: string;
    owner_org: string;
    organization: { id: string; name: string; title: string; is_organization: boolean } | null;
    author: string | null;
    maintainer_email: string | null;
    metadata_created: string;
    metadata_modified: string;
    extras: { key: string; value: string }[];
    resources: { created: string; last_modified: string }[];
  };
}

describe('package.json of every dataset', async () => {
  const history = fixedHistory('2024-05-01T12:00:00+03:00');
  const built = await buildPortal({ files: diskSources(join(import.meta.dirname, '..', 'fixtures', 'base')), history });
  if (!built.ok) throw new Error(JSON.stringify(built.problems[0]));
  const packages = built.datasets.map((dataset) => ({
    dataset,
    ckan: JSON.parse(new TextDecoder().decode(built.tree.get(`public/datasets/${dataset.name}/package.json`))) as CkanPackage,
  }));
  const CKAN_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/;

  it('covers the portal-wide package and the registers', () => {
    expect(packages.map((p) => p.dataset.kind)).toContain('portal');
    expect(packages.map((p) => p.dataset.kind)).toContain('register');
  });

  it('names its organization, the portal itself for the portal-wide package', () => {
    for (const { dataset, ckan } of packages) {
      const organization = ckan.result.organization;
      expect(organization, dataset.name).not.toBeNull();
      expect(organization!.is_organization).toBe(true);
      expect(organization!.name).toMatch(/^[a-z0-9_-]{2,100}$/);
      expect(ckan.result.owner_org).toBe(organization!.id);
      expect(organization!.title).toBe(dataset.publisher?.name.uk ?? 'Тестовий портал');
      expect(ckan.result.maintainer_email, dataset.name).toMatch(/@/);
    }
  });

  it('gives license_id from CKAN\'s licence register beside the CC BY 4.0 address', () => {
    for (const { ckan } of packages) {
      expect(ckan.result.license_id).toBe('cc-by');
      expect(ckan.result.license_url).toBe('https://creativecommons.org/licenses/by/4.0/');
    }
  });

  it('writes its times in CKAN\'s own form, the same instants as the dataset\'s', () => {
    for (const { dataset, ckan } of packages) {
      expect(ckan.result.metadata_created).toMatch(CKAN_TIME);
      expect(ckan.result.metadata_modified).toMatch(CKAN_TIME);
      expect(Date.parse(`${ckan.result.metadata_modified}Z`)).toBe(Date.parse(dataset.modified));
      for (const resource of ckan.result.resources) {
        expect(resource.created).toBe(ckan.result.metadata_created);
        expect(resource.last_modified).toBe(ckan.result.metadata_modified);
      }
    }
  });
});
