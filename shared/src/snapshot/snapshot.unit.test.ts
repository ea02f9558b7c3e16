import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../registry/problems.ts';
import { exampleRecords, exampleServiceGuide } from '../schemas/examples.ts';
import { serviceGuideElementLabels, serviceGuideRequiredElements } from '../schemas/service-guide.ts';
import {
  loadSnapshot,
  type RawSnapshotRecord,
  readSnapshot,
  SnapshotError,
  SnapshotWriter,
  serializeRecord,
  snapshotFile,
  validateSnapshot,
  writeSnapshot,
} from './index.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'govcluster-snapshot-'));
  await mkdir(join(dir, 'media'));
  await writeFile(join(dir, 'media/img-0001.jpg'), 'jpeg');
  await writeFile(join(dir, 'media/att-0001.pdf'), '%PDF-1.7 ...');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The line of the first record a failing case appends after the example records. */
const appended = exampleRecords().length + 1;

/** The example records with some records replaced or added, for failing cases. */
function records(change: (list: RawSnapshotRecord[]) => RawSnapshotRecord[]): RawSnapshotRecord[] {
  return change(structuredClone(exampleRecords()) as RawSnapshotRecord[]);
}

/** Replaces the zh-CN record of a type and id (a site's only record). */
function replace(
  list: RawSnapshotRecord[],
  type: string,
  id: string,
  fields: Record<string, unknown>,
): RawSnapshotRecord[] {
  const matches = (record: RawSnapshotRecord) =>
    record.type === type && record.id === id && (record.locale ?? 'zh-CN') === 'zh-CN';
  return list.map((record) => (matches(record) ? { ...record, ...fields } : record));
}

/** The problems of a snapshot as the lines a reviewer reads, with the folder left out. */
async function problemLines(): Promise<string[]> {
  const { problems } = await validateSnapshot(dir);
  return problems.map((problem) => formatProblem(problem).replace(`${dir}/`, ''));
}

describe('SnapshotWriter', () => {
  it('writes one JSON line per record, type first, keys in schema order, byte-identical every time', async () => {
    await writeSnapshot(dir, exampleRecords());
    const first = await readFile(snapshotFile(dir), 'utf8');
    // The same data with keys in another order gives the same bytes.
    const reversed = exampleRecords().map(
      (record) => Object.fromEntries(Object.entries(record).reverse()) as RawSnapshotRecord,
    );
    await writeSnapshot(dir, reversed);
    expect(await readFile(snapshotFile(dir), 'utf8')).toBe(first);
    const lines = first.split('\n');
    expect(lines.length).toBe(exampleRecords().length + 1);
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(
      '{"type":"header","format":"govcluster-snapshot@1","seed":42,"scale":"fixture","today":"2024-04-30","locales":["zh-CN","en","ru"]}',
    );
    expect(lines[4]).toBe(
      '{"type":"media","id":"img-0001","file":"media/img-0001.jpg","width":1200,"height":800,"mime":"image/jpeg","alt":{"zh-CN":"临江市政务服务中心外景","en":"The Linjiang government service centre"}}',
    );
    expect(await readdir(dir)).toEqual(['media', 'snapshot.jsonl']);
  });

  it('leaves the old snapshot in place when a run fails, and no temporary file', async () => {
    await writeSnapshot(dir, exampleRecords());
    const before = await readFile(snapshotFile(dir), 'utf8');
    const broken = records((list) =>
      replace(list, 'serviceGuide', exampleServiceGuide.id, { legalBasis: '' }),
    );
    await expect(writeSnapshot(dir, broken)).rejects.toThrow(
      /snapshot\.jsonl:9: serviceGuide "fgw-guide-0001" \(zh-CN\): service-guide-required-element: legalBasis: required element 设定依据 \(legalBasis\) is empty/,
    );
    expect(await readFile(snapshotFile(dir), 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['media', 'snapshot.jsonl']);
  });

  it('writes nothing until commit and removes its temporary file on abort', async () => {
    const writer = new SnapshotWriter(dir);
    await writer.write(exampleRecords()[0] as RawSnapshotRecord);
    expect(await readdir(dir)).toEqual(['media', `snapshot.jsonl.tmp-${process.pid}`]);
    await writer.abort();
    expect(await readdir(dir)).toEqual(['media']);
  });

  it('refuses records out of order', async () => {
    const writer = new SnapshotWriter(dir);
    const [header, site, , , media] = exampleRecords();
    await expect(writer.write(site as RawSnapshotRecord)).rejects.toThrow(/record-order/);
    await writer.write(header as RawSnapshotRecord);
    await writer.write(media as RawSnapshotRecord);
    await expect(writer.write(site as RawSnapshotRecord)).rejects.toThrow(
      /snapshot\.jsonl:3: site "portal": record-order: records come in this order/,
    );
    await writer.abort();
  });

  it('never writes keys a schema does not know', () => {
    const line = serializeRecord({
      type: 'media',
      id: 'img-1',
      file: 'media/a.png',
      width: 1,
      height: 1,
      mime: 'image/png',
      alt: { 'zh-CN': '图' },
      secret: 'x',
    } as RawSnapshotRecord);
    expect(line).not.toContain('secret');
  });
});

describe('readSnapshot', () => {
  it('streams the records with their line numbers', async () => {
    await writeSnapshot(dir, exampleRecords());
    const seen: string[] = [];
    for await (const { line, record } of readSnapshot(dir)) seen.push(`${line}:${String(record.type)}`);
    expect(seen.slice(0, 6)).toEqual(['1:header', '2:site', '3:site', '4:site', '5:media', '6:article']);
    expect(seen.length).toBe(exampleRecords().length);
  });

  it('names the file and line of a line that is not JSON', async () => {
    await writeSnapshot(dir, exampleRecords());
    await writeFile(snapshotFile(dir), `${await readFile(snapshotFile(dir), 'utf8')}{"type":\n`);
    const read = async () => {
      for await (const _ of readSnapshot(dir)) {
        // reading through
      }
    };
    await expect(read()).rejects.toThrow(
      `${snapshotFile(dir)}:${exampleRecords().length + 1}: record: json-syntax:`,
    );
  });
});

describe('validateSnapshot', () => {
  it('accepts the example cluster and counts its records', async () => {
    await writeSnapshot(dir, exampleRecords());
    const result = await validateSnapshot(dir);
    expect(result.problems).toEqual([]);
    expect(result.header?.scale).toBe('fixture');
    expect(result.counts).toEqual({
      header: 1,
      site: 3,
      media: 1,
      article: 2,
      policy: 1,
      interpretation: 1,
      serviceGuide: 1,
      leader: 1,
      village: 1,
      investmentProject: 3,
      letter: 2,
    });
  });

  it('refuses a malformed 索引号, naming the entry, its line and what is wrong', async () => {
    const written = writeSnapshot(
      dir,
      records((list) =>
        replace(list, 'policy', 'portal-policy-0001', { indexNumber: '11530100-2026-00001' }),
      ),
    );
    await expect(written).rejects.toThrow(
      /snapshot\.jsonl:7: policy "portal-policy-0001" \(zh-CN\): index-number: indexNumber: "11530100-2026-00001" must be <body code>\/<year>-<serial>/,
    );
  });

  it('reports a policy whose interpretation does not link back', async () => {
    await writeSnapshot(
      dir,
      records((list) => replace(list, 'policy', 'portal-policy-0001', { interpretations: [] })),
    );
    expect(await problemLines()).toEqual([
      'snapshot.jsonl:8: interpretation "portal-interp-0001" (zh-CN): policy-interpretation-backlink: interprets policy "portal-policy-0001", but that policy (line 7) does not list it in its interpretations',
    ]);
  });

  it('reports an interpretation naming another policy than the one listing it', async () => {
    const second = {
      ...exampleRecords()[6],
      id: 'portal-policy-0002',
      interpretations: [],
    } as RawSnapshotRecord;
    await writeSnapshot(
      dir,
      records((list) => [
        ...replace(list, 'interpretation', 'portal-interp-0001', { policy: 'portal-policy-0002' }),
        second,
      ]),
    );
    const { problems } = await validateSnapshot(dir);
    expect(problems.map((p) => `${p.line} ${p.entry} ${p.rule}`)).toEqual([
      '7 policy "portal-policy-0001" (zh-CN) policy-interpretation-backlink',
      '8 interpretation "portal-interp-0001" (zh-CN) policy-interpretation-backlink',
    ]);
  });

  it.each(serviceGuideRequiredElements)('reports a service guide without %s', async (element) => {
    const list = records((all) =>
      all.map((record) => {
        if (record.type !== 'serviceGuide') return record;
        const { [element]: _removed, ...rest } = record;
        return rest as RawSnapshotRecord;
      }),
    );
    await writeSnapshot(dir, list, { validate: false });
    const { problems } = await validateSnapshot(dir);
    expect(problems).toEqual([
      expect.objectContaining({
        file: `${snapshotFile(dir)}:9`,
        line: 9,
        entry: 'serviceGuide "fgw-guide-0001" (zh-CN)',
        type: 'serviceGuide',
        id: 'fgw-guide-0001',
        locale: 'zh-CN',
        rule: 'service-guide-required-element',
        path: element,
        message: `${element}: required element ${serviceGuideElementLabels[element]} (${element}) is missing`,
      }),
    ]);
  });

  it('reports broken references: site, column, column type, media, village outside a township, undeclared locale', async () => {
    const list = records((all) => {
      let changed = replace(all, 'article', 'portal-news-0001', {
        column: 'policies',
        images: [{ id: 'img-9999' }],
      });
      changed = replace(changed, 'village', 'qiaotou-village', { site: 'fgw' });
      changed = replace(changed, 'leader', 'fgw-leader-01', { site: 'nowhere' });
      changed = replace(changed, 'serviceGuide', 'fgw-guide-0001', { column: 'forms' });
      return [
        ...changed,
        { ...(exampleRecords()[5] as RawSnapshotRecord), id: 'portal-news-0002', locale: 'en', site: 'fgw' },
      ];
    });
    await writeSnapshot(dir, list);
    expect(await problemLines()).toEqual([
      'snapshot.jsonl:6: article "portal-news-0001" (zh-CN): column-accepts-type: column "policies" of site "portal" is of type policy, which does not hold article entries (it must be news or notice or page)',
      'snapshot.jsonl:6: article "portal-news-0001" (zh-CN): media-exists: images.0 refers to media "img-9999", which is not in the snapshot',
      'snapshot.jsonl:9: serviceGuide "fgw-guide-0001" (zh-CN): column-exists: site "fgw" has no column "forms"',
      'snapshot.jsonl:10: leader "fgw-leader-01" (zh-CN): site-exists: site "nowhere" is not in the snapshot\'s sites',
      'snapshot.jsonl:11: village "qiaotou-village" (zh-CN): village-township: a village page belongs to a township site, but site "fgw" is a department',
      `snapshot.jsonl:${appended}: article "portal-news-0002" (en): locale-declared: site "fgw" does not publish in en (its locales: zh-CN)`,
      `snapshot.jsonl:${appended}: article "portal-news-0002" (en): default-locale-present: article "portal-news-0002" has no zh-CN record; every entry exists in zh-CN`,
    ]);
  });

  it('reports duplicates, registry problems, missing files and broken lines', async () => {
    const list = records((all) => {
      const changed = replace(all, 'site', 'jiangning-town', { basePath: '/bm/fgw/' });
      return [...changed, { ...(all[5] as RawSnapshotRecord) }];
    });
    await writeSnapshot(dir, list);
    await rm(join(dir, 'media/img-0001.jpg'));
    await writeFile(
      snapshotFile(dir),
      `${await readFile(snapshotFile(dir), 'utf8')}not json\n{"type":"poster"}\n`,
    );
    expect(await problemLines()).toEqual([
      'snapshot.jsonl:4: site "jiangning-town": unique-base-path: basePath "/bm/fgw/" is already used by site "fgw"',
      `snapshot.jsonl:${appended}: article "portal-news-0001" (zh-CN): unique-entry: article "portal-news-0001" appears twice in locale zh-CN`,
      expect.stringMatching(new RegExp(`^snapshot\\.jsonl:${appended + 1}: record: json-syntax: `)),
      `snapshot.jsonl:${appended + 2}: record: record-type: unknown record type "poster"; expected header, site, media, mailboxStatistics or a content type key`,
      'snapshot.jsonl:5: media "img-0001": media-file-exists: file "media/img-0001.jpg" is missing from the snapshot folder',
    ]);
  });

  it('reports a snapshot without a header', async () => {
    await writeFile(snapshotFile(dir), '');
    expect(await problemLines()).toEqual([
      'snapshot.jsonl: registry: single-portal: the registry has no portal (门户网站)',
      'snapshot.jsonl: header: header-first: the snapshot has no header line',
    ]);
  });
});

describe('loadSnapshot', () => {
  it('returns everything grouped by type', async () => {
    await writeSnapshot(dir, exampleRecords());
    const snapshot = await loadSnapshot(dir);
    expect(snapshot.sites.map((site) => site.id)).toEqual(['portal', 'fgw', 'jiangning-town']);
    expect(snapshot.entries.investmentProject.map((project) => project.locale)).toEqual([
      'zh-CN',
      'en',
      'ru',
    ]);
    expect(snapshot.entries.letter.map((letter) => letter.writer?.name)).toEqual(['陈女士', '陈女士']);
  });

  it('for the public, leaves out letter writers and unanswered letters', async () => {
    await writeSnapshot(dir, exampleRecords());
    const snapshot = await loadSnapshot(dir, { public: true });
    expect(snapshot.entries.letter.map((letter) => letter.id)).toEqual(['letter-000123']);
    expect(JSON.stringify(snapshot.entries.letter)).not.toContain('13800138000');
    expect(snapshot.entries.letter[0]).not.toHaveProperty('writer');
  });

  it('throws a SnapshotError listing the problems of an invalid snapshot', async () => {
    await writeSnapshot(
      dir,
      records((list) => replace(list, 'policy', 'portal-policy-0001', { interpretations: [] })),
    );
    const error = await loadSnapshot(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SnapshotError);
    expect((error as SnapshotError).message).toContain(
      ':8: interpretation "portal-interp-0001" (zh-CN): policy-interpretation-backlink:',
    );
  });
});
