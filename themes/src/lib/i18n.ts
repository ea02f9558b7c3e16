import type { Locale } from '@govcluster/shared/constants';
import { t as sharedT } from '@govcluster/shared/i18n';

export type { Locale };

const missing = new Set<string>();

/**
 * A translated UI string: `t()` of @govcluster/shared/i18n. A key the translations lack is
 * reported once on stderr and shown as the key itself, so a gap is visible, never silent.
 */
export function t(locale: Locale, key: string, params?: Record<string, string | number>): string {
  try {
    // biome-ignore lint/suspicious/noExplicitAny: keys are checked by the shared key schema
    const value = (sharedT as any)(locale, key, params) as string;
    if (typeof value === 'string' && value !== key) return value;
  } catch {
    // fall through to the report below
  }
  if (!missing.has(key)) {
    missing.add(key);
    process.stderr.write(`[govcluster] missing UI string: ${key}\n`);
  }
  return key;
}

/** A translator bound to one locale, as templates use it: `tr('nav.home')`. */
export function translator(
  locale: Locale,
): (key: string, params?: Record<string, string | number>) => string {
  return (key, params) => t(locale, key, params);
}
