import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { availableUiLocales } from '../i18n/index.ts';
import { locales } from '../schemas/locale.ts';
import { type Site, SiteSchema } from '../schemas/site.ts';
import { fixedPaths } from '../urls/url-plan.ts';
import {
  dottedPath,
  formatProblem,
  isAbsent,
  kebabCase,
  type Problem,
  ruleParam,
  valueAt,
} from './problems.ts';

/**
 * The site registry (站点注册表): every site of the cluster, the portal among them.
 * Relations between sites are checked by `validateRegistry()`, not by this schema alone.
 * @example [{ id: 'portal', kind: 'portal', parent: null, basePath: '/', … }, { id: 'fgw', kind: 'department', parent: 'portal', basePath: '/bm/fgw/', … }]
 */
export const RegistrySchema = z.array(SiteSchema);

/** The site registry. */
export type Registry = z.infer<typeof RegistrySchema>;

/**
 * Column slugs no site may use, because the site's own pages sit at these paths (ADR 0005):
 * the locale prefixes, the first segments of the fixed pages (`fixedPaths`: `villages/`, `search/`, …,
 * and `404/`, whose page becomes `<basePath>404.html`).
 * The portal's slugs must also differ from the first segment of the other sites' paths (`bm`, `xz`).
 */
export const reservedColumnSlugs: readonly string[] = [
  ...locales.map((locale) => locale.toLowerCase()),
  ...new Set(Object.values(fixedPaths).map((path) => path.split('/')[0]!)),
];

/** Options of `validateRegistry()`. */
export interface ValidateRegistryOptions {
  /** The file the registry came from, named in every problem. */
  readonly file: string;
  /** The locales that have UI strings; defaults to `availableUiLocales`. */
  readonly uiLocales?: readonly string[];
  /** Names an entry for problems; defaults to `site "<id>"` (or `site #<index>` without a usable id). */
  readonly entryName?: (index: number, id: string | undefined) => string;
  /** Gives the file of an entry (e.g. with its line number); defaults to `file`. */
  readonly fileOf?: (index: number) => string;
}

/** Chinese names of site fields, used in messages. */
const fieldTerms: Readonly<Record<string, string>> = {
  id: '站点标识',
  kind: '站点类型',
  name: '站点名称',
  parent: '上级站点',
  basePath: '站点路径',
  host: '独立域名',
  locales: '语言版本',
  footer: '页脚信息',
  'footer.sponsor': '主办单位',
  'footer.organizer': '承办单位',
  'footer.siteCode': '网站标识码',
  'footer.icp': 'ICP备案号',
  'footer.publicSecurity': '公安备案号',
  'footer.contact': '联系方式',
  columns: '栏目',
};

/** The footer facts every site must carry, reported one by one when the whole footer is missing. */
const requiredFooterFacts = ['sponsor', 'siteCode', 'icp', 'publicSecurity', 'contact'] as const;

/** The field a path is about: a footer fact (`footer.siteCode`) or a top-level field. */
function fieldOf(path: readonly PropertyKey[]): string {
  const [first, second] = path;
  if (first === 'footer' && typeof second === 'string') return `footer.${second}`;
  return String(first ?? 'site');
}

/** The rule id for a field: `footer.siteCode` → `site-code-required` / `site-code-invalid`. */
function fieldRule(field: string, absent: boolean): string {
  const name = field.startsWith('footer.') ? field.slice('footer.'.length) : field;
  return `${kebabCase(name)}-${absent ? 'required' : 'invalid'}`;
}

/** Names a field for a message: `footer.siteCode (网站标识码)`. */
function describe(path: readonly PropertyKey[]): string {
  const dotted = dottedPath(path);
  const term = fieldTerms[dotted] ?? fieldTerms[fieldOf(path)];
  return term === undefined ? dotted : `${dotted} (${term})`;
}

/** A string field of a raw entry, if it is a string. */
function stringField(entry: unknown, key: string): string | undefined {
  const value = valueAt(entry, [key]);
  return typeof value === 'string' ? value : undefined;
}

/** A usable id of a raw entry (a non-empty string). */
function idOf(entry: unknown): string | undefined {
  const id = stringField(entry, 'id');
  return id === undefined || id === '' ? undefined : id;
}

/**
 * Checks one site against `SiteSchema` and returns its problems with stable rule ids:
 * `params.rule` of custom issues, else `<field>-required` when the value is absent and
 * `<field>-invalid` otherwise (footer facts by their own name: `site-code-required`).
 */
export function siteSchemaProblems(site: unknown, where: { file: string; entry: string }): Problem[] {
  if (site === null || typeof site !== 'object' || Array.isArray(site)) {
    return [{ ...where, rule: 'site-not-object', message: 'a site must be a JSON object' }];
  }
  const result = SiteSchema.safeParse(site);
  if (result.success) return [];
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path;
    const value = valueAt(site, path);
    const absent = isAbsent(value);
    if (path.length === 1 && path[0] === 'footer' && absent) {
      for (const fact of requiredFooterFacts) {
        problems.push({
          ...where,
          rule: fieldRule(`footer.${fact}`, true),
          message: `${describe(['footer', fact])} is required (the whole footer is missing)`,
          path: `footer.${fact}`,
        });
      }
      continue;
    }
    const custom = ruleParam(issue);
    const rule = custom ?? fieldRule(fieldOf(path), absent);
    const message =
      absent && custom === undefined ? `${describe(path)} is required` : `${describe(path)} ${issue.message}`;
    problems.push({ ...where, rule, message, path: dottedPath(path) });
  }
  return problems;
}

/**
 * Validates a registry: first each site against the schema, then the cluster as a whole.
 * Cross-site rules: `unique-id`, `unique-base-path`, `unique-host`, `unique-site-code`, `base-path-overlap`, `single-portal`,
 * `portal-parent`, `parent-required`, `parent-exists`, `department-under-portal`, `township-under-portal`,
 * `ui-locale-available`, `reserved-column-slug`. Returns every problem found (an empty list when the registry is valid).
 */
export function validateRegistry(sites: unknown, options: ValidateRegistryOptions): Problem[] {
  const { file } = options;
  const uiLocales = options.uiLocales ?? availableUiLocales;
  const entryName =
    options.entryName ?? ((index, id) => (id === undefined ? `site #${index}` : `site "${id}"`));
  const fileOf = options.fileOf ?? (() => file);
  if (!Array.isArray(sites)) {
    return [
      {
        file,
        entry: 'registry',
        rule: 'registry-not-array',
        message: 'the registry must be a JSON array of sites',
      },
    ];
  }
  const problems: Problem[] = [];
  const where = (index: number) => ({ file: fileOf(index), entry: entryName(index, idOf(sites[index])) });

  // Pass 1: every site on its own.
  sites.forEach((site, index) => {
    problems.push(...siteSchemaProblems(site, where(index)));
  });

  // Pass 2: the cluster as a whole, on whatever fields are usable.
  const byId = new Map<string, number>();
  // Values no two sites may share: where they go (a URL path, a host name, a 网站标识码) identifies one site.
  const uniqueFields = [
    { path: 'basePath', rule: 'unique-base-path' },
    { path: 'host', rule: 'unique-host' },
    { path: 'footer.siteCode', rule: 'unique-site-code' },
  ];
  const seen = uniqueFields.map(() => new Map<string, number>());
  const byBasePath = seen[0]!;
  sites.forEach((site, index) => {
    const id = idOf(site);
    if (id !== undefined) {
      const first = byId.get(id);
      if (first === undefined) byId.set(id, index);
      else
        problems.push({
          ...where(index),
          rule: 'unique-id',
          message: `id "${id}" is already used by site #${first}`,
        });
    }
    uniqueFields.forEach(({ path, rule }, field) => {
      const value = valueAt(site, path.split('.'));
      if (typeof value !== 'string') return;
      const first = seen[field]!.get(value);
      if (first === undefined) seen[field]!.set(value, index);
      else
        problems.push({
          ...where(index),
          rule,
          message: `${path} "${value}" is already used by ${entryName(first, idOf(sites[first]))}`,
          path,
        });
    });
  });

  const portals = sites.flatMap((site, index) => (stringField(site, 'kind') === 'portal' ? [index] : []));
  if (portals.length === 0) {
    problems.push({
      file,
      entry: 'registry',
      rule: 'single-portal',
      message: 'the registry has no portal (门户网站)',
    });
  }
  for (const index of portals.slice(1)) {
    problems.push({
      ...where(index),
      rule: 'single-portal',
      message: `a cluster has exactly one portal, and ${entryName(portals[0] ?? 0, idOf(sites[portals[0] ?? 0]))} is already one`,
      path: 'kind',
    });
  }
  const portalIndex = portals[0];
  const portal = portalIndex === undefined ? undefined : sites[portalIndex];
  const portalId = idOf(portal);
  const portalBasePath = stringField(portal, 'basePath');

  sites.forEach((site, index) => {
    const kind = stringField(site, 'kind');
    const parentValue = valueAt(site, ['parent']);
    const parent = typeof parentValue === 'string' ? parentValue : undefined;
    const basePath = stringField(site, 'basePath');
    if (kind === 'portal') {
      if (parentValue !== null && parentValue !== undefined) {
        problems.push({
          ...where(index),
          rule: 'portal-parent',
          message: 'the portal has no parent (parent must be null)',
          path: 'parent',
        });
      }
    } else if (kind === 'department' || kind === 'township') {
      if (parentValue === null) {
        problems.push({
          ...where(index),
          rule: 'parent-required',
          message: `a ${kind} site needs the portal as parent`,
          path: 'parent',
        });
      } else if (parent !== undefined && !byId.has(parent)) {
        problems.push({
          ...where(index),
          rule: 'parent-exists',
          message: `parent "${parent}" is not a site of the registry`,
          path: 'parent',
        });
      } else if (parent !== undefined && portalId !== undefined && parent !== portalId) {
        problems.push({
          ...where(index),
          rule: kind === 'township' ? 'township-under-portal' : 'department-under-portal',
          message: `a ${kind} site's parent must be the portal "${portalId}", not "${parent}"`,
          path: 'parent',
        });
      }
      if (
        kind === 'township' &&
        basePath !== undefined &&
        portalBasePath !== undefined &&
        (basePath === portalBasePath || !basePath.startsWith(portalBasePath))
      ) {
        problems.push({
          ...where(index),
          rule: 'township-under-portal',
          message: `a township site's basePath must lie under the portal's basePath "${portalBasePath}", but it is "${basePath}" (国办发〔2017〕47号: 乡镇原则上不开设门户网站)`,
          path: 'basePath',
        });
      }
      if (basePath !== undefined) {
        for (const [otherPath, otherIndex] of byBasePath) {
          if (otherIndex === index || otherPath === portalBasePath || otherPath === basePath) continue;
          if (basePath.startsWith(otherPath)) {
            problems.push({
              ...where(index),
              rule: 'base-path-overlap',
              message: `basePath "${basePath}" lies inside the basePath "${otherPath}" of ${entryName(otherIndex, idOf(sites[otherIndex]))}`,
              path: 'basePath',
            });
          }
        }
      }
    }
    const columns = valueAt(site, ['columns']);
    if (Array.isArray(columns)) {
      const sitePrefixes =
        kind === 'portal' && basePath !== undefined
          ? new Set(
              [...byBasePath.keys()]
                .filter((path) => path !== basePath && path.startsWith(basePath))
                .map((path) => path.slice(basePath.length).split('/')[0]),
            )
          : new Set<string>();
      columns.forEach((column, columnIndex) => {
        const slug = stringField(column, 'slug');
        if (slug === undefined) return;
        if (reservedColumnSlugs.includes(slug)) {
          problems.push({
            ...where(index),
            rule: 'reserved-column-slug',
            message: `column slug "${slug}" is reserved for the site's own pages (${reservedColumnSlugs.join(', ')})`,
            path: `columns.${columnIndex}.slug`,
          });
        } else if (sitePrefixes.has(slug)) {
          problems.push({
            ...where(index),
            rule: 'reserved-column-slug',
            message: `column slug "${slug}" of the portal clashes with the paths of other sites (${basePath}${slug}/…)`,
            path: `columns.${columnIndex}.slug`,
          });
        }
      });
    }
    const siteLocales = valueAt(site, ['locales']);
    if (Array.isArray(siteLocales)) {
      for (const locale of siteLocales) {
        if (typeof locale === 'string' && !uiLocales.includes(locale)) {
          problems.push({
            ...where(index),
            rule: 'ui-locale-available',
            message: `locale "${locale}" has no UI strings (translations/${locale}.json); available: ${uiLocales.join(', ')}`,
            path: 'locales',
          });
        }
      }
    }
  });
  return problems;
}

/** Thrown when a registry is invalid; the message lists every problem, one per line. */
export class RegistryError extends Error {
  /** Every problem found. */
  readonly problems: readonly Problem[];

  /** Builds the error from the problems found. */
  constructor(problems: readonly Problem[]) {
    super(
      `The site registry has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map(formatProblem).join('\n')}`,
    );
    this.name = 'RegistryError';
    this.problems = problems;
  }
}

/** Validates a registry and returns its sites, or throws a `RegistryError` listing every problem. */
export function assertRegistry(sites: unknown, options: ValidateRegistryOptions): Site[] {
  const problems = validateRegistry(sites, options);
  if (problems.length > 0) throw new RegistryError(problems);
  return RegistrySchema.parse(sites);
}

/** Reads a registry from a JSON file (an array of sites), validates it and returns its sites. */
export async function loadRegistry(
  file: string,
  options: Omit<ValidateRegistryOptions, 'file'> = {},
): Promise<Site[]> {
  const text = await readFile(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new RegistryError([
      {
        file,
        entry: 'registry',
        rule: 'json-syntax',
        message: `not valid JSON: ${(error as Error).message}`,
      },
    ]);
  }
  return assertRegistry(data, { ...options, file });
}
