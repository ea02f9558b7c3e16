/** Service guides (办事指南) of the departments. */
import type { ServiceGuide, Site } from '@govcluster/shared/schemas';
import { type Org, officePhone } from './context.ts';
import { workday } from './dates.ts';
import { createRng, type Rng } from './prng.ts';
import { at, emit, hours, pad, type Run } from './run.ts';
import { serviceFacets } from './text-service-facets.ts';
import { type ServiceTemplate, serviceTemplates } from './text-services.ts';

/** Where the demo city's guides are done online (在线办理). */
const onlineHall = 'https://zwfw.linjiang.example/item/';

function templatesFor(
  run: Run,
  org: Org,
  rng: Rng,
  limit: number,
): { template: ServiceTemplate; title: string }[] {
  const expand = (list: readonly ServiceTemplate[]) =>
    list.flatMap((template) =>
      template.variants
        ? template.variants.map((v) => ({ template, title: `${template.title}（${v}）` }))
        : [{ template, title: template.title }],
    );
  let own: ServiceTemplate[];
  let generic: ServiceTemplate[];
  if (org.kind === 'portal') {
    const ids = new Set(run.plan.departments.map((d) => d.id));
    own = rng.sample(
      serviceTemplates.filter((t) => t.offeredBy.some((o) => ids.has(o))),
      limit,
    );
    generic = serviceTemplates.filter((t) => t.offeredBy.includes('portal'));
  } else if (org.kind === 'township') {
    own = serviceTemplates.filter((t) => t.offeredBy.includes('township') && !t.offeredBy.includes('*'));
    generic = serviceTemplates.filter((t) => t.offeredBy.includes('township') && t.offeredBy.includes('*'));
  } else {
    own = serviceTemplates.filter((t) => t.offeredBy.includes(org.siteId));
    generic = serviceTemplates.filter((t) => t.offeredBy.includes('*'));
  }
  const list = [...expand(own), ...expand(generic)];
  // Always keep at least one generic guide (政府信息公开申请) within the limit.
  const chosen = list.slice(0, Math.max(1, limit - 1));
  const lastGeneric = expand(generic)[0];
  if (lastGeneric && !chosen.some((c) => c.title === lastGeneric.title)) chosen.push(lastGeneric);
  else if (list.length > chosen.length) chosen.push(...list.slice(chosen.length, limit));
  return chosen.slice(0, limit);
}

export async function services(run: Run, site: Site, org: Org, limit: number): Promise<void> {
  const rng = createRng(run.seed, `${site.id}/services`);
  const chosen = templatesFor(run, org, rng, limit);
  const floor = rng.int(1, 4);
  for (const [i, { template, title }] of chosen.entries()) {
    const irng = rng.fork(String(i));
    const [topic, audience] = serviceFacets[template.title] ?? [undefined, ['personal', 'legal'] as const];
    // About two guides in three can be done online; the first of each site always, the second never.
    const online = i === 0 || (i !== 1 && irng.fork('online').int(0, 2) > 0);
    const day = workday(run.today - irng.int(20, run.scale.spanDays));
    const published = at(irng, day);
    const updatedDay = Math.min(run.today, day + irng.int(0, 400));
    const location =
      org.kind === 'township'
        ? `${org.short}便民服务中心（${org.address}）`
        : org.kind === 'portal'
          ? '临江市民中心综合受理窗口（临江市滨江大道66号）'
          : `临江市民中心${floor}楼${org.short}窗口（临江市滨江大道66号）`;
    const guide: ServiceGuide = {
      id: `${site.id}-service-${pad(i + 1, 3)}`,
      locale: 'zh-CN',
      site: site.id,
      column: 'services',
      title,
      legalBasis: template.legalBasis,
      conditions: template.conditions,
      materials: template.materials.map((m) => ({ ...m })),
      location,
      hours,
      inquiryPhone: officePhone(org, irng),
      process: [...template.process],
      timeLimit: template.timeLimit,
      fee: template.fee ?? '不收费',
      complaintPhone: '12345',
      ...(topic ? { topic } : {}),
      audience: [...audience],
      ...(online ? { onlineUrl: `${onlineHall}${site.id}-service-${pad(i + 1, 3)}` } : {}),
      publishedAt: published,
      updatedAt: updatedDay === day ? published : at(irng, updatedDay),
    };
    await emit(run, { type: 'serviceGuide', ...guide });
  }
}
