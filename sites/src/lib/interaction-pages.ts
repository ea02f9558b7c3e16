/**
 * The 互动交流 hub of a site (docs/adr/0028-services-and-interaction.md): its mailbox, its other
 * interaction columns (在线访谈, 征集调查) with their newest entries, and the 12345 hotline.
 * @module
 */
import { mailboxColumn } from '@govcluster/shared/mailbox';
import type { Hotline } from '@govcluster/shared/schemas';
import type { Entry } from './cluster.ts';
import type { Column, Site } from './model.ts';

/** Entries the hub shows per column. */
export const hubItems = 5;

/** The view of the 互动交流 hub. */
export interface InteractionHubView {
  type: 'interactionHub';
  /** The site's mailbox column, when the hub is in the mailbox's locale. */
  mailbox?: Column;
  /** The other interaction columns with their newest entries. */
  columns: { column: Column; items: Entry[] }[];
  /** The site's hotline, else the portal's. */
  hotline?: Hotline;
}

/**
 * The hub of a site in a locale, or undefined when it has nothing to show there: a site needs an
 * interaction column; outside the mailbox's locale, some entries in the locale.
 * @param own the site's entries in the locale, newest first
 * @param withMailbox whether the mailbox's pages exist in this locale
 */
export function interactionHub(
  site: Site,
  portal: Site,
  own: readonly Entry[],
  withMailbox: boolean,
): InteractionHubView | undefined {
  const mailbox = mailboxColumn(site.columns);
  if (!mailbox) return undefined;
  const columns = site.columns
    .filter((column) => column.type === 'interaction' && column !== mailbox)
    .sort((a, b) => a.order - b.order)
    .map((column) => ({
      column,
      items: own.filter((entry) => entry.column === column.slug).slice(0, hubItems),
    }));
  if (!withMailbox && columns.every((column) => column.items.length === 0)) return undefined;
  const hotline = site.hotline ?? portal.hotline;
  return {
    type: 'interactionHub',
    ...(withMailbox ? { mailbox } : {}),
    columns: withMailbox ? columns : columns.filter((column) => column.items.length > 0),
    ...(hotline ? { hotline } : {}),
  };
}
