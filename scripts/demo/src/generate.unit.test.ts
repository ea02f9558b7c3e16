import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { contentTypeKeys, locales } from '@govcluster/shared/constants';
import { sumFigures } from '@govcluster/shared/mailbox';
import {
  columnFreshnessDays,
  type Letter,
  type MailboxStatistics,
  MailboxStatisticsSchema,
  type Site,
} from '@govcluster/shared/schemas';
import { readSnapshot, validateSnapshot } from '@govcluster/shared/snapshot';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentKind } from './attachments.ts';
import { type GenerateDemoResult, generateDemoCity, scaleConfigs } from './index.ts';
import { ageBand, portraitLooks } from './portraits.ts';

const today = '2026-11-21';
let root: string;

/** sha256 of snapshot.jsonl and of every media file, by relative path. */
async function digest(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const hash = async (file: string) =>
    createHash('sha256')
      .update(await readFile(join(dir, file)))
      .digest('hex');
  out['snapshot.jsonl'] = await hash('snapshot.jsonl');
  for (const name of (await readdir(join(dir, 'media'))).sort())
    out[`media/${name}`] = await hash(`media/${name}`);
  return out;
}

/** Every record of a snapshot folder. */
async function records(dir: string): Promise<Record<string, unknown>[]> {
  const list: Record<string, unknown>[] = [];
  for await (const item of readSnapshot(dir)) list.push(item.record as Record<string, unknown>);
  return list;
}

const dayOf = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'govcluster-demo-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('generateDemoCity at fixture scale', () => {
  let dir: string;
  let result: GenerateDemoResult;
  let all: Record<string, unknown>[];

  beforeAll(async () => {
    dir = join(root, 'fixture-a');
    result = await generateDemoCity({ seed: 7, scale: 'fixture', today, outDir: dir });
    all = await records(dir);
  }, 60_000);

  it('writes a snapshot that validateSnapshot accepts, media files included', async () => {
    const validation = await validateSnapshot(dir);
    expect(validation.problems).toEqual([]);
    expect(validation.header).toMatchObject({ seed: 7, scale: 'fixture', today });
    expect(existsSync(join(dir, 'media'))).toBe(true);
  });

  it('is byte-identical for the same seed and today, and differs for another seed', async () => {
    const again = join(root, 'fixture-b');
    await generateDemoCity({ seed: 7, scale: 'fixture', today, outDir: again });
    expect(await digest(again)).toEqual(await digest(dir));
    const other = join(root, 'fixture-c');
    await generateDemoCity({ seed: 8, scale: 'fixture', today, outDir: other });
    expect((await digest(other))['snapshot.jsonl']).not.toBe((await digest(dir))['snapshot.jsonl']);
  });

  it('has the fixture sites: the portal, two departments (one the investment bureau with en and ru), one township with two villages', () => {
    const sites = all.filter((r) => r.type === 'site') as unknown as Site[];
    expect(sites.map((s) => s.kind)).toEqual(['portal', 'department', 'department', 'township']);
    const bureau = sites.find((s) => s.id === 'tzcjj');
    expect(bureau?.name['zh-CN']).toBe('临江市投资促进局');
    expect(bureau?.locales).toEqual(['zh-CN', 'en', 'ru']);
    expect(all.filter((r) => r.type === 'village')).toHaveLength(2);
    const codes = sites.map((s) => s.footer.siteCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(sites.every((s) => /^云ICP备\d+号(-\d+)?$/.test(s.footer.icp))).toBe(true);
  });

  it('has every content type at least twice and every locale where the spec wants it', () => {
    for (const type of contentTypeKeys) {
      expect(result.entries[type] ?? 0, type).toBeGreaterThanOrEqual(2);
    }
    for (const locale of locales) {
      expect(result.counts.investmentProject?.[locale], locale).toBeGreaterThanOrEqual(2);
    }
    const portalPages = all.filter(
      (r) => r.type === 'article' && r.site === 'portal' && r.locale !== 'zh-CN',
    );
    expect(new Set(portalPages.map((r) => r.locale))).toEqual(new Set(['en', 'ru']));
    expect(all.length).toBeLessThan(200);
  });

  it('writes English and Russian, not Chinese, in the foreign records', () => {
    const han = /\p{Script=Han}/u;
    for (const r of all.filter((x) => x.locale === 'en' || x.locale === 'ru')) {
      const text = JSON.stringify({ ...r, id: '', site: '', column: '' });
      expect(han.test(text), `${r.type} ${r.id} ${r.locale}`).toBe(false);
    }
    const ru = all.find((r) => r.type === 'investmentProject' && r.locale === 'ru') as Record<string, string>;
    expect(ru.body).toMatch(/Описание проекта/);
    expect(ru.investment).toBeDefined();
  });

  it('links each policy document to one or two interpretations, both ways', () => {
    const policies = all.filter((r) => r.type === 'policy') as {
      id: string;
      interpretations: string[];
      documentNumber: string;
    }[];
    const interps = all.filter((r) => r.type === 'interpretation') as { id: string; policy: string }[];
    for (const p of policies) {
      expect(p.interpretations.length).toBeGreaterThanOrEqual(1);
      expect(p.interpretations.length).toBeLessThanOrEqual(2);
      for (const id of p.interpretations) expect(interps.find((i) => i.id === id)?.policy).toBe(p.id);
      expect(p.documentNumber).toMatch(/^临\S*〔20\d\d〕\d+号$/);
    }
  });

  it('keeps letters both replied and still in handling, with the writer kept in the record', () => {
    const letters = all.filter((r) => r.type === 'letter') as {
      status: string;
      reply?: string;
      writer: { phone: string };
    }[];
    expect(letters.some((l) => l.status === 'replied' && l.reply)).toBe(true);
    expect(letters.some((l) => l.status !== 'replied' && l.reply === undefined)).toBe(true);
    expect(letters.every((l) => /^1\d{10}$/.test(l.writer.phone))).toBe(true);
  });

  it('carries each mailbox’s statistics, made from its letters on the snapshot’s day', () => {
    const sites = all.filter((r) => r.type === 'site') as unknown as Site[];
    const statistics = all.filter((r) => r.type === 'mailboxStatistics') as unknown as MailboxStatistics[];
    expect(statistics.map((s) => s.site).sort()).toEqual(sites.map((s) => s.id).sort());
    const letters = all.filter((r) => r.type === 'letter') as unknown as Letter[];
    for (const figures of statistics) {
      expect(MailboxStatisticsSchema.safeParse(figures).success).toBe(true);
      expect(figures.asOf).toBe(today);
      const own = letters.filter(
        (l) => l.site === figures.site && figures.months.includes(l.submittedAt.slice(0, 7)),
      );
      const total = sumFigures(figures.rows);
      expect(total.received, figures.site).toBe(own.length);
      expect(total.replied, figures.site).toBe(own.filter((l) => l.status === 'replied').length);
      // No figure carries a writer: only counts, months and office names.
      expect(JSON.stringify(figures)).not.toMatch(/1\d{10}|@/);
    }
  });

  it('dates every record on or before today, within about four years', () => {
    const end = dayOf(today);
    for (const r of all) {
      for (const key of ['publishedAt', 'updatedAt', 'submittedAt', 'repliedAt', 'writtenDate']) {
        const value = r[key];
        if (typeof value !== 'string') continue;
        expect(dayOf(value), `${r.type} ${r.id} ${key}`).toBeLessThanOrEqual(end);
        expect(dayOf(value), `${r.type} ${r.id} ${key}`).toBeGreaterThan(end - 4 * 366 - 30);
      }
      const published = r.publishedAt as string | undefined;
      if (published !== undefined)
        expect((r.updatedAt as string) >= published, `${r.type} ${r.id} updatedAt`).toBe(true);
      if (typeof r.repliedAt === 'string') expect(r.repliedAt >= (r.submittedAt as string)).toBe(true);
      if (typeof r.writtenDate === 'string')
        expect(r.writtenDate <= (published ?? '').slice(0, 10)).toBe(true);
    }
  });

  it('publishes the portal’s newest news before 08:00 China time, when the UTC day is the day before', () => {
    const early = all.filter(
      (r) =>
        r.type === 'article' &&
        r.site === 'portal' &&
        typeof r.publishedAt === 'string' &&
        new Date(r.publishedAt).toISOString().slice(0, 10) < r.publishedAt.slice(0, 10),
    );
    expect(early.length).toBeGreaterThan(0);
  });

  it('reports the stale column it made, and keeps the other news columns fresh', () => {
    expect(result.stale.length).toBeGreaterThanOrEqual(1);
    const sites = all.filter((r) => r.type === 'site') as unknown as Site[];
    const end = dayOf(today);
    for (const site of sites) {
      const news = all.filter((r) => r.type === 'article' && r.site === site.id && r.column === 'news');
      const newest = Math.max(...news.map((r) => dayOf(r.publishedAt as string)));
      const limit =
        columnFreshnessDays(site.columns.find((c) => c.slug === 'news') ?? { type: 'news' }) ?? 14;
      const stale = result.stale.some((s) => s.site === site.id && s.column === 'news');
      if (stale) expect(end - newest, site.id).toBeGreaterThan(limit);
      else expect(end - newest, site.id).toBeLessThanOrEqual(limit);
    }
  });

  it('attaches real PDFs: an embedded Chinese font and the document’s own words as text', async () => {
    const attachments = all.flatMap(
      (r) => (r.attachments ?? []) as { name: string; file: string; mime: string; size: number }[],
    );
    expect(attachments.length).toBeGreaterThan(0);
    for (const item of attachments) {
      const bytes = await readFile(join(dir, item.file));
      expect([item.mime, bytes.length]).toEqual(['application/pdf', item.size]);
      const pdf = bytes.toString('latin1');
      expect(pdf.startsWith('%PDF-1.')).toBe(true);
      expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
      expect(pdf).toMatch(/\/FontFile3 \d+ 0 R/);
      // The text maps back to Unicode (ToUnicode): the kind the name asks for is written in the page.
      const streams = [...pdf.matchAll(/stream\n([\s\S]*?)\nendstream/g)].map((match) => {
        try {
          return inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1');
        } catch {
          return '';
        }
      });
      const unicode = streams.find((stream) => stream.includes('begincmap')) ?? '';
      const kind = attachmentKind(item.name);
      for (const char of kind)
        expect(unicode.toLowerCase(), `${item.name}: ${char}`).toContain(
          `<${char.codePointAt(0)?.toString(16).padStart(4, '0')}>`,
        );
    }
  });

  it('gives each leader a portrait of the pool that fits the person: gender and age band', () => {
    // The portrait media in the order they were drawn, one per look of portraits.ts.
    const portraits = all
      .filter(
        (r) => r.type === 'media' && (r.alt as Record<string, string>)['zh-CN'] === '领导同志照片（示意图）',
      )
      .map((r) => r.id as string);
    expect(portraits).toHaveLength(portraitLooks.length);
    const leaders = all.filter((r) => r.type === 'leader' && r.locale === 'zh-CN');
    const seen = leaders.map((leader) => {
      // The biography says it: “王某，女，汉族，1971年3月生，…”.
      const bio = /，([男女])，汉族，(\d{4})年/.exec(String(leader.bio));
      expect(bio, `${leader.id}: gender and birth year in the biography`).not.toBeNull();
      const look = portraitLooks[portraits.indexOf((leader.portrait as { id: string }).id)];
      return {
        leader: String(leader.id),
        female: bio?.[1] === '女',
        band: ageBand(Number(today.slice(0, 4)) - Number(bio?.[2])),
        portrait: look && { female: look.female, band: look.band },
      };
    });
    expect(seen.length).toBeGreaterThan(3);
    expect(new Set(seen.map((s) => s.female)).size, 'men and women among the leaders').toBe(2);
    for (const s of seen) expect(s.portrait, s.leader).toEqual({ female: s.female, band: s.band });
    expect(new Set(leaders.map((l) => (l.portrait as { id: string }).id)).size).toBeGreaterThan(2);
  });

  it('renders small JPEGs whose size matches their media records', async () => {
    const media = all.filter((r) => r.type === 'media') as { file: string; width: number; height: number }[];
    expect(media.length).toBeGreaterThanOrEqual(24);
    for (const m of media.slice(0, 6).concat(media.slice(-3))) {
      const bytes = await readFile(join(dir, m.file));
      expect(bytes.length).toBeLessThan(60 * 1024);
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', m.width, m.height]);
    }
  });
});

describe('generateDemoCity at demo scale', () => {
  let dir: string;
  let result: GenerateDemoResult;

  beforeAll(async () => {
    dir = join(root, 'demo-a');
    result = await generateDemoCity({ seed: 20261121, scale: 'demo', today, outDir: dir });
  }, 60_000);

  it('passes validateSnapshot', async () => {
    const validation = await validateSnapshot(dir);
    expect(validation.problemCount).toBe(0);
  });

  it('has counts in the expected ranges', () => {
    const config = scaleConfigs.demo;
    expect(result.entries.site).toBe(1 + config.departments + config.townships);
    expect(result.entries.village).toBeGreaterThanOrEqual(config.townships * config.villages[0]);
    expect(result.entries.village).toBeLessThanOrEqual(config.townships * config.villages[1]);
    const content = Object.entries(result.entries)
      .filter(([type]) => type !== 'site' && type !== 'media')
      .reduce((sum, [, n]) => sum + n, 0);
    expect(content).toBeGreaterThan(2500);
    expect(content).toBeLessThan(6000);
    for (const locale of ['en', 'ru'] as const) {
      expect(result.counts.investmentProject?.[locale]).toBe(result.entries.investmentProject);
      expect(result.counts.article?.[locale]).toBeGreaterThanOrEqual(3);
      expect(result.counts.leader?.[locale]).toBeGreaterThanOrEqual(3);
    }
    expect(result.stale.filter((s) => s.column === 'news').length).toBe(config.staleNews);
  });

  it('gives the portal’s mailbox replies in time and ratings to show', async () => {
    const portal = (await records(dir)).find((r) => r.type === 'mailboxStatistics' && r.site === 'portal');
    const total = sumFigures((portal as unknown as MailboxStatistics).rows);
    expect(total.received).toBeGreaterThan(20);
    expect(total.repliedInTime).toBeGreaterThan(0);
    expect(total.satisfied + total.fair + total.dissatisfied).toBeGreaterThan(0);
    expect(
      new Set((portal as unknown as MailboxStatistics).rows.map((row) => row.office)).size,
    ).toBeGreaterThan(1);
  });

  it('leaves no template placeholder or undefined value in any text', async () => {
    const text = await readFile(join(dir, 'snapshot.jsonl'), 'utf8');
    const leftovers = text.match(
      /.{0,40}(?:\{[A-Za-z]+\}|undefined|NaN|\[object Object\]|[Ll]orem ipsum).{0,20}/g,
    );
    expect(leftovers).toBeNull();
  });

  it('is byte-identical when run again with the same seed', async () => {
    const again = join(root, 'demo-b');
    await generateDemoCity({ seed: 20261121, scale: 'demo', today, outDir: again });
    expect(await digest(again)).toEqual(await digest(dir));
  }, 60_000);
});

describe('a failed generation', () => {
  it('leaves no snapshot and no temporary file when it fails midway', async () => {
    const dir = join(root, 'failing');
    let calls = 0;
    const run = generateDemoCity({
      seed: 1,
      scale: 'fixture',
      today,
      outDir: dir,
      onProgress: (p) => {
        calls += 1;
        if (p.phase === 'content' && p.sitesDone >= 2) throw new Error('injected failure');
      },
    });
    await expect(run).rejects.toThrow('injected failure');
    expect(calls).toBeGreaterThan(2);
    expect(existsSync(dir)).toBe(false);
    const leftovers = (await readdir(root)).filter((name) => name.includes('failing'));
    expect(leftovers).toEqual([]);
  });

  it('keeps the previous snapshot untouched', async () => {
    const dir = join(root, 'kept');
    await generateDemoCity({ seed: 3, scale: 'fixture', today, outDir: dir });
    const before = await digest(dir);
    const run = generateDemoCity({
      seed: 4,
      scale: 'fixture',
      today,
      outDir: dir,
      onProgress: (p) => {
        if (p.phase === 'validate') throw new Error('injected failure at validation');
      },
    });
    await expect(run).rejects.toThrow('injected failure');
    expect(await digest(dir)).toEqual(before);
    expect((await readdir(dir)).sort()).toEqual(['media', 'snapshot.jsonl']);
    expect((await readdir(root)).filter((name) => name.includes('kept'))).toEqual(['kept']);
  });

  it('refuses an impossible date before writing anything', async () => {
    const dir = join(root, 'bad-date');
    await expect(
      generateDemoCity({ seed: 1, scale: 'fixture', today: '2026-02-30', outDir: dir }),
    ).rejects.toThrow(/valid calendar date/);
    expect(existsSync(dir)).toBe(false);
  });
});
