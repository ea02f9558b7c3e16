/** One page per village (一村一页) of every township. */
import type { Site, Village } from '@govcluster/shared/schemas';
import { dayOf, workday } from './dates.ts';
import { createRng } from './prng.ts';
import { at, emit, pictures, type Run } from './run.ts';
import type { TownshipPlan } from './sites.ts';
import { villageText } from './text-village.ts';

export async function villages(run: Run, site: Site, town: TownshipPlan): Promise<void> {
  for (const village of town.villages) {
    const rng = createRng(run.seed, `${site.id}/village/${village.slug}`);
    const text = villageText(rng, town.name, village.short, run.today);
    const publishedDay = workday(run.today - rng.int(200, 900));
    const newestAffair = text.affairs[0]?.date;
    const published = at(rng, publishedDay);
    const updatedDay = newestAffair ? Math.max(publishedDay, dayOf(newestAffair)) : publishedDay;
    const updated = updatedDay === publishedDay ? published : at(rng, updatedDay);
    const entry: Village = {
      id: `${site.id}-${village.slug}`,
      locale: 'zh-CN',
      site: site.id,
      slug: village.slug,
      name: village.name,
      overview: text.overview,
      committee: text.committee,
      contact: text.contact,
      industry: text.industry,
      photos: pictures(run, rng, ['fields', 'tea', 'mountains', 'lake', 'river'], rng.int(2, 3)),
      affairs: text.affairs,
      publishedAt: published,
      updatedAt: updated,
    };
    await emit(run, { type: 'village', ...entry });
  }
}
