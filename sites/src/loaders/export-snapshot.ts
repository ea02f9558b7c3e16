/**
 * Writes what the build reads from the CMS (`CMS_URL` + `CMS_TOKEN`: the registry, every published
 * entry of every type and locale, mapped to the shared model, unvalidated, and the mailboxes'
 * statistics) as a snapshot folder, so
 * that the inspection checker, which judges a snapshot (docs/adr/0017-inspection-checker.md), can judge
 * a CMS-backed cluster. The publisher runs it by this CLI before each check (ADR 29); the CMS mapping
 * stays in this package.
 *
 *   CMS_URL=… CMS_TOKEN=… node --import tsx sites/src/loaders/export-snapshot.ts <out dir>
 *
 * No header (the day of the check is the checker's own) and no media files: the checker reads neither.
 * @module
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { typeMappings } from '@govcluster/shared/cms-mapping';
import { mailboxStatisticsRecordType } from '@govcluster/shared/snapshot';
import { cmsOptionsFromEnv, fetchCmsMailboxStatistics, fetchCmsRecords } from './cms-source.ts';

/** Exports the CMS named by the environment into `outDir/snapshot.jsonl`; returns the record count. */
export async function exportSnapshot(outDir: string): Promise<number> {
  const cms = cmsOptionsFromEnv();
  if (!cms) throw new Error('CMS_URL and CMS_TOKEN name the CMS to export');
  const { records: sites } = await fetchCmsRecords(cms, 'site', null);
  const locales = [...new Set(sites.flatMap((site) => (site.locales as string[] | undefined) ?? []))];
  const lines = sites.map((site) => JSON.stringify({ type: 'site', ...site }));
  for (const mapping of typeMappings) {
    if (mapping.typeKey === 'site') continue;
    for (const locale of mapping.localized ? locales : [null]) {
      const { records } = await fetchCmsRecords(cms, mapping.typeKey, locale);
      for (const record of records) lines.push(JSON.stringify({ type: mapping.typeKey, ...record }));
    }
  }
  // The only word on letters not yet answered, which the CMS does not publish (the checker's letter rule).
  for (const statistics of await fetchCmsMailboxStatistics(cms))
    lines.push(JSON.stringify({ type: mailboxStatisticsRecordType, ...statistics }));
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, 'snapshot.jsonl');
  await writeFile(`${file}.tmp`, `${lines.join('\n')}\n`);
  await rename(`${file}.tmp`, file);
  return lines.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: export-snapshot.ts <out dir>\n');
    process.exit(2);
  }
  exportSnapshot(path.resolve(out)).then(
    (count) => process.stdout.write(`${count} records\n`),
    (error: unknown) => {
      process.stderr.write(`export failed: ${(error as Error).message}\n`);
      process.exit(2);
    },
  );
}
