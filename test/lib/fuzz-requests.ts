/**
 * Generated hostile requests for the fuzz tests of the public surface (the CMS's content API, the
 * static server), and a runner that sends them as written. Seeded (fast-check), so a failure is
 * reproduced by its seed and index. What is generated: random-case and percent-encoded prefixes,
 * extra and duplicate slashes, dot segments in every encoding (`%2e%2e`, `%252e`, overlong UTF-8
 * `%c0%ae`), backslashes, NUL bytes, invalid escapes, very long paths and queries, every collection,
 * and `status` / `locale` / `filters` / `populate` / `fields` / `sort` / `pagination` parameters in
 * bracket and array forms, with random methods and headers (the build token, garbage, none).
 * Long on purpose: most of it is the list of hostile shapes, one arbitrary each; the runner is a few lines
 * that must send them exactly as generated.
 * @module
 */
import { request } from 'node:http';
import fc from 'fast-check';

/** One generated request, sent exactly as written. */
export interface FuzzRequest {
  readonly method: string;
  /** The request target: path and query, not normalized. */
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** What a request was answered with. */
export interface FuzzAnswer {
  readonly status: number;
  readonly body: string;
}

const hex = (code: number) => `%${code.toString(16).padStart(2, '0')}`;

/**
 * The target as an HTTP client can send it: every byte outside printable ASCII (space, controls,
 * non-ASCII) percent-encoded; everything else, malformed escapes included, left as generated.
 */
function sendable(target: string): string {
  return [...target]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      if (code > 0x20 && code < 0x7f) return char;
      return [...Buffer.from(char, 'utf8')].map((byte) => hex(byte).toUpperCase()).join('');
    })
    .join('');
}

/** A string with some of its characters percent-encoded, in upper or lower case. */
const encodeSome = (text: string) =>
  fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).chain((which) =>
    fc.boolean().map((upper) =>
      [...text]
        .map((char, i) => {
          if (!which[i] || char.charCodeAt(0) > 0x7f) return char;
          const encoded = hex(char.charCodeAt(0));
          return upper ? encoded.toUpperCase() : encoded;
        })
        .join(''),
    ),
  );

/** A string in random letter case. */
const randomCase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) => [...text].map((char, i) => (upper[i] ? char.toUpperCase() : char)).join(''));

/** Path pieces that a careless server would read as "up one level", a NUL or garbage. */
const nastySegment = fc.constantFrom(
  '..',
  '.',
  '%2e%2e',
  '%2E%2E',
  '.%2e',
  '%252e%252e',
  '%c0%ae%c0%ae',
  '%e0%80%ae%e0%80%ae',
  '..%2f..%2f..',
  '..%5c..%5c',
  '..\\..\\',
  '%00',
  'a%00b',
  '%',
  '%E0',
  '%zz',
  '%C0%AF',
  '%ff%fe',
  '%E4%B8',
  '~',
  ':',
  ';x=1',
  '%20',
  '\\',
);

const longSegment = fc.oneof(
  fc.integer({ min: 200, max: 6000 }).map((n) => 'a'.repeat(n)),
  fc.integer({ min: 100, max: 1200 }).map((n) => '%E4%B8%AD'.repeat(n)),
  fc.integer({ min: 50, max: 1500 }).map((n) => 'a/'.repeat(n)),
);

/** One path segment: a real one (possibly encoded or re-cased), a nasty one, or a random one. */
const segment = (real: readonly string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...real) },
    { weight: 2, arbitrary: fc.constantFrom(...real).chain(encodeSome) },
    { weight: 2, arbitrary: fc.constantFrom(...real).chain(randomCase) },
    { weight: 3, arbitrary: nastySegment },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }).map(encodeURIComponent) },
    { weight: 1, arbitrary: longSegment },
  );

/** Joins segments with one slash, now and then two or more. */
const joinSegments = (segments: readonly string[]) =>
  fc
    .array(fc.constantFrom('/', '/', '/', '/', '//', '///', '/./'), {
      minLength: segments.length,
      maxLength: segments.length,
    })
    .chain((slashes) =>
      fc
        .boolean()
        .map((trailing) => segments.map((s, i) => `${slashes[i]}${s}`).join('') + (trailing ? '/' : '')),
    );

/** A value for a query parameter. */
const value = (words: readonly string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...words) },
    { weight: 1, arbitrary: fc.constantFrom('true', 'false', '1', '0', '-1', '', '*', 'null', '[]', '{}') },
    { weight: 1, arbitrary: fc.integer({ min: -1e12, max: 1e12 }).map(String) },
    { weight: 1, arbitrary: nastySegment },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }).map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 4000 }).map((n) => 'x'.repeat(n)) },
  );

/** A key in bracket form (`a[b][c]`), with array forms (`a[]`, `a[0]`) now and then. */
const bracketKey = (parts: readonly string[]) =>
  fc.array(fc.constantFrom('', '[]', '[0]', '[1]', '[99]'), { minLength: 1, maxLength: 1 }).map(
    ([tail]) =>
      `${parts[0]}${parts
        .slice(1)
        .map((p) => `[${p}]`)
        .join('')}${tail === '' ? '' : tail}`,
  );

/** What the content-API generator knows of the CMS it fuzzes. */
export interface ContentApiVocabulary {
  /** Collection paths under the prefix: `articles`, `upload/files`, `users`, … */
  readonly collections: readonly string[];
  /** Document ids and numeric ids worth asking for (published, draft, unknown). */
  readonly ids: readonly string[];
  /** Attribute names and relation paths: `title`, `writer`, `localizations`, `images`, … */
  readonly fields: readonly string[];
  /** Each collection's own attribute names, so that most generated queries are valid ones. */
  readonly fieldsOf?: Readonly<Record<string, readonly string[]>>;
  /** Values for filters: fragments of real text, never a whole secret. */
  readonly words: readonly string[];
  /** The build's read-only token. */
  readonly token: string;
}

const operators = [
  '$eq',
  '$ne',
  '$null',
  '$notNull',
  '$contains',
  '$containsi',
  '$startsWith',
  '$in',
  '$lt',
  '$gte',
  '$not',
  '$or',
  '$and',
  '$eqi',
  '$between',
];

/** One query parameter of a content-API read, as `key=value` text. */
const contentApiParam = (v: ContentApiVocabulary, own: readonly string[]) => {
  const field = fc.oneof(
    { weight: own.length > 0 ? 4 : 0, arbitrary: fc.constantFrom(...(own.length > 0 ? own : v.fields)) },
    { weight: 1, arbitrary: fc.constantFrom(...v.fields) },
  );
  const path = fc.array(field, { minLength: 1, maxLength: 3 });
  const op = fc.constantFrom(...operators);
  const pairs: fc.Arbitrary<[string[], string]>[] = [
    fc.tuple(
      fc.constant(['status']),
      fc.constantFrom('draft', 'published', 'DRAFT', 'Published', 'PUBLISHED', '', 'modified', 'all'),
    ),
    fc.tuple(
      fc.constant(['locale']),
      fc.constantFrom('zh-CN', 'en', 'ru', '*', 'all', 'zh', 'xx-YY', '', 'ZH-cn'),
    ),
    fc.tuple(
      fc.constant(['publicationFilter']),
      fc.constantFrom('modified', 'never-published', 'has-published-version'),
    ),
    fc.tuple(fc.constant(['hasPublishedVersion']), fc.constantFrom('true', 'false', 'x')),
    fc.tuple(
      fc.tuple(path, op).map(([p, o]) => ['filters', ...p, o]),
      value(v.words),
    ),
    fc.tuple(
      fc
        .tuple(fc.constantFrom('$or', '$and', '$not'), fc.integer({ min: 0, max: 2 }), path, op)
        .map(([l, i, p, o]) => ['filters', l, String(i), ...p, o]),
      value(v.words),
    ),
    fc.tuple(fc.constant(['populate']), fc.oneof(fc.constant('*'), field, fc.constant('deep'))),
    fc.tuple(
      path.map((p) => ['populate', ...p.flatMap((f) => [f, 'populate']).slice(0, -1)]),
      fc.constantFrom('*', 'true', 'false'),
    ),
    fc.tuple(
      fc
        .tuple(field, fc.constantFrom('fields', 'sort', 'filters', 'count', 'on', 'status', 'locale'))
        .map(([f, k]) => ['populate', f, k]),
      fc.oneof(field, value(v.words)),
    ),
    fc.tuple(fc.constant(['fields']), field),
    fc.tuple(
      fc.constant(['sort']),
      fc
        .tuple(
          fc.array(field, { minLength: 1, maxLength: 2 }),
          fc.constantFrom('', ':asc', ':desc', ':DESC', ':x'),
        )
        .map(([p, d]) => `${p.join('.')}${d}`),
    ),
    fc.tuple(
      fc.constantFrom('page', 'pageSize', 'start', 'limit', 'withCount').map((k) => ['pagination', k]),
      fc.constantFrom('1', '0', '-1', '100', '101', '1000000', 'abc', '1e9', '', 'true'),
    ),
    fc.tuple(fc.constant(['_q']), value(v.words)),
    fc.tuple(
      fc.constantFrom(
        ['lookup', 'publishedAt', '$null'],
        ['__proto__', 'x'],
        ['constructor', 'prototype'],
        ['id'],
        ['documentId'],
      ),
      value(v.words),
    ),
    fc.tuple(
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 10 }).map((k) => [k]),
      value(v.words),
    ),
  ];
  return fc
    .oneof(...pairs)
    .chain(([parts, val]) =>
      fc
        .tuple(bracketKey(parts), fc.boolean())
        .chain(([key, encode]) =>
          (encode ? encodeSome(key) : fc.constant(key)).map(
            (k) => `${k}=${encodeURIComponent(val).replace(/%25([0-9a-f]{2})/gi, '%$1')}`,
          ),
        ),
    );
};

/** A parameter as a well-meaning client writes it, with the collection's own fields. */
const validParam = (v: ContentApiVocabulary, own: readonly string[]) => {
  const field = fc.constantFrom(...(own.length > 0 ? own : v.fields));
  return fc.oneof(
    fc.constantFrom('status=published', 'locale=zh-CN', 'locale=en', 'locale=ru', 'locale=*', 'populate=*'),
    field.map((f) => `populate[${f}]=true`),
    field.map((f) => `populate[${f}][populate]=*`),
    fc.tuple(fc.integer({ min: 0, max: 3 }), field).map(([i, f]) => `fields[${i}]=${f}`),
    fc.tuple(field, fc.constantFrom('asc', 'desc')).map(([f, d]) => `sort=${f}:${d}`),
    fc
      .tuple(
        field,
        fc.constantFrom('$eq', '$contains', '$null', '$notNull', '$ne'),
        fc.constantFrom(...v.words),
      )
      .map(([f, o, w]) => `filters[${f}][${o}]=${encodeURIComponent(w)}`),
    fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 100 }))
      .map(([page, size]) => `pagination[page]=${page}&pagination[pageSize]=${size}`),
  );
};

const methods = fc.oneof(
  { weight: 14, arbitrary: fc.constant('GET') },
  { weight: 3, arbitrary: fc.constant('HEAD') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'get'),
  },
);

const commonHeaders = fc.record(
  {
    accept: fc.constantFrom('*/*', 'application/json', 'text/html', 'x'.repeat(300)),
    'accept-encoding': fc.constantFrom(
      'gzip',
      'br',
      'gzip, deflate, br, zstd',
      'identity;q=0',
      '*;q=0',
      'x'.repeat(500),
    ),
    range: fc.constantFrom(
      'bytes=0-10',
      'bytes=-1',
      'bytes=5-2',
      'bytes=abc',
      `bytes=${'0-1,'.repeat(100)}0-1`,
    ),
    'if-none-match': fc.constantFrom('*', '"x"', 'W/"y", "z"', 'garbage'),
    'if-modified-since': fc.constantFrom('Thu, 01 Jan 1970 00:00:00 GMT', 'yesterday', ''),
    'content-type': fc.constantFrom('application/json', 'multipart/form-data; boundary=x', 'text/plain'),
    'x-forwarded-for': fc.constantFrom('127.0.0.1', '1.2.3.4, 5.6.7.8', 'garbage'),
  },
  { requiredKeys: [] },
);

/** Requests against a Strapi content API at prefix `/api`. */
export function contentApiRequests(
  vocabulary: ContentApiVocabulary,
  seed: number,
  count: number,
): FuzzRequest[] {
  const prefix = fc.oneof(
    { weight: 8, arbitrary: fc.constant('api') },
    { weight: 3, arbitrary: randomCase('api') },
    { weight: 1, arbitrary: encodeSome('api') },
    { weight: 1, arbitrary: fc.constantFrom('ap%69', 'api%2f', 'api.', 'apix', '%2561pi', 'api%00') },
  );
  const collectionSegments = [...new Set(vocabulary.collections.flatMap((c) => c.split('/')))];
  // Most requests are well formed (a real collection, a plain path, mostly its own fields), so that
  // they reach the controllers and answer data; the others mangle the path as well.
  const targetArb = fc.constantFrom(...vocabulary.collections).chain((collection) => {
    const own = vocabulary.fieldsOf?.[collection] ?? [];
    const query = fc
      .array(contentApiParam(vocabulary, own), { maxLength: 5 })
      .map((params) => (params.length > 0 ? `?${params.join('&')}` : ''));
    const id = fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom(...vocabulary.ids) },
    );
    const validQuery = fc
      .array(validParam(vocabulary, own), { maxLength: 3 })
      .map((params) => (params.length > 0 ? `?${params.join('&')}` : ''));
    const plain = fc
      .tuple(id, fc.boolean(), fc.oneof(validQuery, validQuery, query))
      .map(([one, slash, q]) => `/api/${collection}${one === null ? '' : `/${one}`}${slash ? '/' : ''}${q}`);
    const mangled = fc
      .tuple(
        prefix,
        fc.option(fc.oneof(fc.constantFrom(...vocabulary.ids), segment(vocabulary.ids)), { freq: 3 }),
        fc.array(segment([...collectionSegments, ...vocabulary.ids]), { maxLength: 2 }),
        fc.boolean(),
      )
      .chain(([pre, one, extra, mangle]) => {
        const parts = [
          pre,
          ...collection.split('/'),
          ...(one === null ? [] : [one]),
          ...(mangle ? extra : []),
        ];
        return fc
          .tuple(fc.constantFrom(...parts.map((_, i) => i)), segment(collectionSegments), fc.boolean())
          .chain(([at, replacement, replace]) =>
            joinSegments(
              replace && mangle ? parts.map((p, i) => (i === at && i > 0 ? replacement : p)) : parts,
            ),
          );
      })
      .chain((path) => query.map((q) => `${path}${q}`));
    return fc.oneof({ weight: 3, arbitrary: plain }, { weight: 2, arbitrary: mangled });
  });
  const auth = fc.constantFrom(
    undefined,
    undefined,
    `Bearer ${vocabulary.token}`,
    `Bearer ${vocabulary.token}`,
    `Bearer ${vocabulary.token}`,
    `bearer ${vocabulary.token}`,
    `Bearer ${vocabulary.token}x`,
    'Bearer ',
    'Bearer garbage',
    'Basic YWRtaW46YWRtaW4=',
    `Bearer ${'a'.repeat(2000)}`,
  );
  const requestArb = fc
    .tuple(methods, targetArb, auth, commonHeaders)
    .map(([method, target, authorization, headers]) => ({
      method,
      target: sendable(target),
      headers: { ...headers, ...(authorization ? { authorization } : {}) },
    }));
  return fc.sample(requestArb, { seed, numRuns: count });
}

/** Requests against a static server of a built cluster whose paths (`/bm/fgw/`, …) are known. */
export function staticRequests(paths: readonly string[], seed: number, count: number): FuzzRequest[] {
  const segments = [...new Set(paths.flatMap((p) => p.split('/').filter(Boolean)))];
  const pathArb = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...paths) },
    {
      weight: 8,
      arbitrary: fc.array(segment(segments), { minLength: 1, maxLength: 7 }).chain(joinSegments),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...paths),
          fc.array(nastySegment, { minLength: 1, maxLength: 6 }),
          fc.constantFrom('outside.txt', 'etc/passwd', 'nginx.conf', '.env', 'sites.json'),
        )
        .map(([p, ups, file]) => `${p.replace(/\/$/, '')}/${ups.join('/')}/${file}`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '/nginx.conf',
        '/%6eginx.conf',
        '//nginx.conf',
        '/.env',
        '/%2eenv',
        '/sites.json',
        '/robots.txt',
        '*',
        'http://evil.example/',
      ),
    },
  );
  const queryArb = fc.oneof(
    { weight: 4, arbitrary: fc.constant('') },
    {
      weight: 1,
      arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).map((q) => `?${encodeURIComponent(q)}`),
    },
    { weight: 1, arbitrary: fc.constantFrom('?q=%E0', '?%', `?q=${'x'.repeat(4000)}`, '?wide', '#frag') },
  );
  const requestArb = fc
    .tuple(methods, pathArb, queryArb, commonHeaders)
    .map(([method, path, query, headers]) => ({ method, target: sendable(`${path}${query}`), headers }));
  return fc.sample(requestArb, { seed, numRuns: count });
}

/** Sends one request as written; the body is read up to `maxBytes` (the rest is dropped). */
export function sendRaw(origin: string, fuzz: FuzzRequest, maxBytes = 4 * 1024 * 1024): Promise<FuzzAnswer> {
  const { hostname, port } = new URL(origin);
  // Writes carry a small JSON body with its length (a chunked one could outlive an early answer).
  const body = fuzz.method === 'GET' || fuzz.method === 'HEAD' ? null : '{"data":{"title":"x"}}';
  const headers = body ? { ...fuzz.headers, 'content-length': String(body.length) } : fuzz.headers;
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path: fuzz.target, method: fuzz.method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < maxBytes) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

/** What one fuzz run found: requests sent, how long, and each problem with its index and request. */
export interface FuzzReport {
  readonly sent: number;
  readonly seconds: number;
  readonly statuses: Readonly<Record<number, number>>;
  readonly problems: readonly string[];
}

/**
 * Sends every request, `concurrency` at a time, and checks each answer with `check` (a problem in
 * words, or `null`). A request the server does not answer at all is a problem too.
 */
export async function runFuzz(
  origin: string,
  requests: readonly FuzzRequest[],
  check: (fuzz: FuzzRequest, answer: FuzzAnswer) => string | null,
  concurrency = 8,
): Promise<FuzzReport> {
  const started = performance.now();
  const problems: string[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      const fuzz = requests[index]!;
      const label = `#${index} ${fuzz.method} ${fuzz.target.slice(0, 300)} ${JSON.stringify(fuzz.headers).slice(0, 200)}`;
      try {
        const answer = await sendRaw(origin, fuzz);
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        const problem =
          answer.status >= 500
            ? `answered ${answer.status}: ${answer.body.slice(0, 300)}`
            : check(fuzz, answer);
        if (problem && problems.length < 50) problems.push(`${label}: ${problem}`);
      } catch (error) {
        if (problems.length < 50) problems.push(`${label}: no answer (${(error as Error).message})`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { sent: requests.length, seconds: (performance.now() - started) / 1000, statuses, problems };
}
