/**
 * The inspection report of the live release (ADR 29), read from the publisher when an admin asks: the
 * publisher keeps it outside every web root and hands it over only on a signed request, so the CMS,
 * which checks the admin's login and role, is the one way to it.
 * @module
 */
import { publisherSecret, sign, signatureHeader } from '@govcluster/shared/publishing';
import type { Core } from '@strapi/strapi';
import { publisherUrls, secretFile } from './notify.ts';

/** The publisher's path of the report (scripts/src/publisher/server.ts). */
const reportPath = '/health/report';

/**
 * The last inspection's HTML report, or null when no publisher has one. Publishers sharing a queue
 * inspect the releases they built: the first that has a report answers.
 */
export async function healthReport(strapi: Core.Strapi): Promise<string | null> {
  const secret = publisherSecret(secretFile(strapi));
  for (const base of publisherUrls()) {
    try {
      const response = await fetch(`${base}${reportPath}`, {
        headers: { [signatureHeader]: sign(secret, `GET ${reportPath}`) },
        signal: AbortSignal.timeout(10_000),
      });
      if (response.ok) return await response.text();
    } catch {
      // the next publisher may have it
    }
  }
  return null;
}

/**
 * The Content-Security-Policy of the report as the CMS serves it: no script, no request of its own,
 * only its inline style; links still open.
 */
export const healthReportPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
