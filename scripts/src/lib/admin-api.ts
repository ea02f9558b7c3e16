/**
 * The CMS's admin API as a logged-in person uses it (the admin panel's own calls): for the tests that
 * act as authors and reviewers, and the review benchmark.
 * @module
 */

/** What the admin API answered: status, body (JSON when it parses, else text) and headers. */
export interface AdminResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read by the caller, shaped per route
  body: any;
  headers: Headers;
}

/** A client of one CMS's admin API. */
export interface AdminApi {
  /** Sends a request and returns the answer whatever its status (for tests that expect refusals). */
  request(method: string, route: string, token?: string, body?: unknown): Promise<AdminResponse>;
  /** Sends a request; an answer that is not 2xx throws, naming the route, status and message. */
  // biome-ignore lint/suspicious/noExplicitAny: see AdminResponse.body
  send(method: string, route: string, token: string, body?: unknown): Promise<any>;
  /** Logs a person in and returns their admin token; a refused login throws. */
  login(email: string, password: string): Promise<string>;
}

/** The admin API of the CMS at `origin` (e.g. `http://127.0.0.1:1337`). */
export function adminApi(origin: string): AdminApi {
  const request: AdminApi['request'] = async (method, route, token, body) => {
    const response = await fetch(`${origin}${route}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // CSV exports and empty answers stay text.
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  const send: AdminApi['send'] = async (method, route, token, body) => {
    const answer = await request(method, route, token, body);
    if (answer.status < 200 || answer.status > 299) {
      throw new Error(`${method} ${route}: ${answer.status} ${answer.body?.error?.message ?? ''}`.trim());
    }
    return answer.body;
  };
  return {
    request,
    send,
    async login(email, password) {
      const answer = await request('POST', '/admin/login', undefined, { email, password });
      const token = answer.body?.data?.token;
      if (typeof token !== 'string') {
        throw new Error(
          `${email} cannot log in: ${answer.status} ${answer.body?.error?.message ?? ''}`.trim(),
        );
      }
      return token;
    },
  };
}
