/**
 * The example cluster of the domain model (`@govcluster/shared/examples`) as a snapshot folder with its
 * media files, for the seeding tests: one entry of every type, independent of the demo generator so the
 * CMS suite runs before and without it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exampleArticle, exampleMedia, exampleRecords } from '@govcluster/shared/examples';
import { type SnapshotRecord, writeSnapshot } from '@govcluster/shared/snapshot';
import sharp from 'sharp';

/** The zh-CN title of the example article in a revision of the fixture. */
export function revisedTitle(revision: number): string {
  return revision > 1 ? `${exampleArticle.title}（第${revision}版）` : exampleArticle.title;
}

/** The records of the fixture; a `revision` above 1 changes the zh-CN article's title alone. */
export function fixtureRecords(revision = 1): SnapshotRecord[] {
  return exampleRecords().map((record) =>
    record.type === 'article' && record.id === exampleArticle.id && record.locale === 'zh-CN'
      ? { ...record, title: revisedTitle(revision) }
      : record,
  );
}

/** Writes the fixture snapshot (records, the image at its stated size, attachment files) into `dir`. */
export async function writeFixtureSnapshot(dir: string, revision = 1): Promise<void> {
  const records = fixtureRecords(revision);
  const image = join(dir, exampleMedia.file);
  mkdirSync(dirname(image), { recursive: true });
  await sharp({
    create: {
      width: exampleMedia.width,
      height: exampleMedia.height,
      channels: 3,
      background: { r: 30, g: 90, b: 160 },
    },
  })
    .jpeg()
    .toFile(image);
  for (const record of records) {
    for (const attachment of 'attachments' in record ? (record.attachments ?? []) : []) {
      // A file of the size the record states, so that a size check has something to agree with.
      writeFileSync(join(dir, attachment.file), '%PDF-1.4\n'.padEnd(attachment.size, '%'));
    }
  }
  await writeSnapshot(dir, records);
}
