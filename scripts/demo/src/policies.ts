/** Policy documents (政策文件) and their interpretations (政策解读). */
import type {
  Attachment,
  Interpretation,
  PolicyDocument,
  PolicyValidity,
  Site,
} from '@govcluster/shared/schemas';
import { type Org, officePhone } from './context.ts';
import { formatDay, partsOf, workday } from './dates.ts';
import { createRng } from './prng.ts';
import { at, attachment, columnDays, distinct, draw, emit, pad, type Run } from './run.ts';
import type { Range } from './scales.ts';
import { interpretationText, type PolicyKind, policyText } from './text-policy.ts';

export async function policies(run: Run, site: Site, org: Org, volume: Range): Promise<void> {
  const rng = createRng(run.seed, `${site.id}/policies`);
  const n = draw(rng, volume);
  if (n === 0) return;
  const days = columnDays(run, rng, n, 120, 0);
  const numbers = new Map<string, number>();
  const serials = new Map<number, number>();
  let interpCount = 0;
  for (const [i, day] of days.entries()) {
    const irng = rng.fork(String(i));
    const written = workday(day - irng.int(1, 8));
    const year = partsOf(written).year;
    // The portal issues documents on every department's field; the department then interprets them.
    const owner =
      org.kind === 'portal' && run.plan.departments.length > 0 ? irng.pick(run.plan.departments) : undefined;
    const writer: Org = owner ? { ...org, topic: owner.topic } : org;
    const kinds: PolicyKind[] =
      org.kind === 'portal'
        ? ['plan', 'plan', 'opinion', 'measures', 'work-notice']
        : ['work-notice', 'work-notice', 'measures', 'plan', 'opinion'];
    // Field and kind are drawn again with the text when its title was taken this year.
    const chosen = distinct(run, `${site.id}|policies|${partsOf(day).year}`, irng, (r) => {
      const field = r.pick(owner ? owner.focus : org.focus);
      const form = r.pick(kinds);
      const drawn = policyText(r, writer, written, field, form);
      return { title: drawn.title, text: drawn, focus: field, kind: form };
    });
    // The title `distinct` settled on (a series number where the texts ran out) is the document's.
    const { focus, kind } = chosen;
    const text = { ...chosen.text, title: chosen.title };
    const key = `${text.numberPrefix}/${year}`;
    const number = (numbers.get(key) ?? irng.int(1, 4)) + 0;
    numbers.set(key, number + irng.int(1, 3));
    const serial = (serials.get(year) ?? irng.int(1, 40)) + 0;
    serials.set(year, serial + irng.int(1, 12));
    const documentNumber = `${text.numberPrefix}〔${year}〕${number}号`;
    let validity: PolicyValidity = 'valid';
    const age = run.today - written;
    if (text.validYears !== null && written + 30 + text.validYears * 365 < run.today) validity = 'expired';
    else if (age > 730 && irng.chance(0.08)) validity = 'repealed';
    else if (age > 365 && irng.chance(0.06)) validity = 'amended';
    const published = at(irng, day);
    // The day a document stopped being valid as it is: amended or repealed (by a later document of the
    // site, when there is one by then), or expired at the end of its term.
    const changeDay =
      validity === 'amended' || validity === 'repealed'
        ? Math.min(run.today, day + irng.int(200, 700))
        : validity === 'expired' && text.validYears !== null
          ? written + 30 + text.validYears * 365
          : undefined;
    const updated =
      validity === 'amended' || validity === 'repealed' ? at(irng, changeDay ?? day) : published;
    const replacement =
      validity === 'amended' || validity === 'repealed'
        ? days.findIndex((later) => later >= (changeDay ?? day) - 30 && later > day)
        : -1;
    const interpreter = owner
      ? {
          name: owner.short,
          source: `市${owner.name}`,
          phone: `${run.plan.orgs.get(owner.id)?.phonePrefix ?? '0860-8800'}${irng.int(1000, 9999)}`,
        }
      : { name: org.short, source: org.sourceName, phone: officePhone(org, irng) };
    const forms: ('text' | 'graphic')[] = irng.chance(0.35)
      ? ['text', 'graphic']
      : [irng.chance(0.75) ? 'text' : 'graphic'];
    const interpIds = forms.map(() => {
      interpCount += 1;
      return `${site.id}-interp-${pad(interpCount)}`;
    });
    const attachments: Attachment[] = [];
    if (kind === 'measures' || irng.chance(0.25)) {
      attachments.push(
        attachment(
          run,
          irng,
          kind === 'measures' ? `${focus}项目申报表.pdf` : `${year}年${focus}重点任务清单.pdf`,
        ),
      );
    }
    const policy: PolicyDocument = {
      id: `${site.id}-policy-${pad(i + 1)}`,
      locale: 'zh-CN',
      site: site.id,
      column: 'policies',
      title: text.title,
      indexNumber: `${org.orgCode}/${year}-${pad(serial, 5)}`,
      issuingAuthority: text.authority,
      documentNumber,
      writtenDate: formatDay(written),
      publishedAt: published,
      topic: writer.topic,
      validity,
      ...(changeDay === undefined ? {} : { validityDate: formatDay(changeDay) }),
      ...(replacement < 0 ? {} : { replacedBy: `${site.id}-policy-${pad(replacement + 1)}` }),
      body: text.body,
      attachments,
      interpretations: interpIds,
      updatedAt: updated,
    };
    await emit(run, { type: 'policy', ...policy });
    for (const [k, form] of forms.entries()) {
      const id = interpIds[k] ?? '';
      const interp = interpretationText(
        irng,
        { ...text, documentNumber },
        { name: interpreter.name, phone: interpreter.phone },
        form,
        focus,
        written,
      );
      const iday = Math.min(run.today, day + irng.int(0, 3));
      const ipub = at(irng, iday);
      const interpretation: Interpretation = {
        id,
        locale: 'zh-CN',
        site: site.id,
        column: 'interpretations',
        title: interp.title,
        policy: policy.id,
        form,
        body: interp.body,
        source: interpreter.source,
        publishedAt: ipub,
        updatedAt: ipub,
      };
      await emit(run, { type: 'interpretation', ...interpretation });
    }
  }
}
