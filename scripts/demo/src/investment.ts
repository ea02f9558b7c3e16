/** Investment projects (招商项目) of the investment bureau, in every locale. */
import type { InvestmentProject, Site } from '@govcluster/shared/schemas';
import { drawName } from './context.ts';
import { createRng } from './prng.ts';
import { at, columnDays, emit, laterUpdate, localesOf, pad, pictures, type Run } from './run.ts';
import type { TownshipPlan } from './sites.ts';
import { projectKinds, projectText, type TownPlace, type Tri } from './text-investment.ts';

const sectorScenes: Record<string, string[]> = {
  tourism: ['river', 'lake', 'park'],
  agri: ['fields', 'tea'],
  food: ['fields', 'tea'],
  logistics: ['bridge', 'river'],
  elderly: ['lake', 'mountains', 'park'],
};

function townPlaces(townships: readonly TownshipPlan[]): TownPlace[] {
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const list = townships.map((t) => ({
    zh: t.name,
    en: `${cap(t.word.py)} ${t.word.kind === '镇' ? 'Town' : 'Township'}`,
    ru: `${t.word.kind === '镇' ? 'посёлок' : 'волость'} ${cap(t.word.ru)}`,
  }));
  return list.length > 0 ? list : [{ zh: '白沙镇', en: 'Baisha Town', ru: 'посёлок Байша' }];
}

/**
 * The order in which the city's sites take the kinds of project: one shuffled deck per run, shared by
 * the portal and the bureau, so that a project is offered once (the next round of the deck is 二期).
 */
function nextKind(run: Run): { kind: number; phase: number } {
  if (run.projectDeck.length === 0) {
    const round = createRng(run.seed, `projects/deck/${run.projectRound}`);
    run.projectDeck = round.sample([...Array(projectKinds).keys()], projectKinds);
    run.projectRound += 1;
  }
  return { kind: run.projectDeck.shift() as number, phase: run.projectRound - 1 };
}

export async function projects(run: Run, site: Site, howMany: number): Promise<void> {
  const rng = createRng(run.seed, `${site.id}/projects`);
  const towns = townPlaces(run.plan.townships);
  const days = columnDays(run, rng, howMany, 30, 0);
  for (const [i, day] of days.entries()) {
    const irng = rng.fork(String(i));
    const { kind, phase } = nextKind(run);
    const text = projectText(irng, towns, kind, phase);
    const contact = drawName(irng);
    const phone = `0860-8866${irng.int(1000, 9999)}`;
    const published = at(irng, day);
    const updated = laterUpdate(irng, run, day, published);
    const images = pictures(
      run,
      irng,
      sectorScenes[text.sectorKey] ?? ['skyline', 'river', 'bridge'],
      irng.int(1, 2),
    );
    for (const locale of localesOf(site)) {
      const l = locale as keyof Tri;
      const project: InvestmentProject = {
        id: `${site.id}-project-${pad(i + 1, 3)}`,
        locale,
        site: site.id,
        title: text.title[l],
        sector: text.sector[l],
        location: text.location[l],
        investment: { amount: text.investment.amount, text: text.investment.text[l] },
        cooperation: text.cooperation[l],
        summary: text.summary[l],
        body: text.body[l],
        contact: {
          name: locale === 'zh-CN' ? contact.zh : locale === 'en' ? contact.en : contact.ru,
          phone: locale === 'zh-CN' ? phone : `+86 ${phone.slice(1).replace('-', ' ')}`,
          email: 'invest@linjiang.example',
        },
        images,
        publishedAt: published,
        updatedAt: updated,
      };
      await emit(run, { type: 'investmentProject', ...project });
    }
  }
}
