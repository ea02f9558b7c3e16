/** Calls to the plugin's admin API (`/review/...`) through the admin's authenticated fetch client. */

import { adminApi, useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useMemo } from 'react';
import type { LetterToHandle } from '../../../../mailbox/handling';
import type { LetterContact } from '../../../../mailbox/service';
import type { EntryPublication as Publication, PublishingStatus } from '../../../../publishing/status';
import type { EntryDefaults } from '../../server/src/entry-defaults';
import type { EntryDiff, EntryReview } from '../../server/src/services/review';
import { t } from './i18n';

// The answers of the server whose JSON has the server's own types, imported as types only (the admin
// bundle carries none of the server's code): an entry's review (`GET /review/:uid/:documentId`), what a
// draft changes against the online version (`GET /review/:uid/:documentId/diff`), a letter waiting on
// 待我办理 (`GET /review/letters/queue`), a writer's contact data (`GET /review/letters/:documentId/contact`,
// logged), where an entry stands on the public site (`GET /review/publishing/:uid/:documentId`) and the
// publisher's status (`GET /review/publishing`), what a new entry starts with (`GET /review/defaults/:uid`).
export type {
  EntryDefaults,
  EntryDiff,
  EntryReview,
  LetterContact,
  LetterToHandle,
  Publication,
  PublishingStatus,
};

/**
 * Tells the content manager that a document changed on the server (a review action may have published
 * it): its cached copy is invalidated, so the edit view refetches it and the header's status badge
 * (Draft, Published, Modified) follows. The same cache tags Strapi's own publish action invalidates.
 */
const documentCache = adminApi.enhanceEndpoints({ addTagTypes: ['Document'] }).injectEndpoints({
  endpoints: (build) => ({
    reviewChangedDocument: build.mutation<null, { model: string; documentId: string }>({
      queryFn: () => ({ data: null }),
      invalidatesTags: (_result, _error, { model, documentId }) => [
        { type: 'Document', id: `${model}_${documentId}` },
        { type: 'Document', id: `${model}_LIST` },
      ],
    }),
  }),
});

/** Returns a function that makes the content manager refetch a document. */
export function useRefreshDocument() {
  const [refresh] = documentCache.useReviewChangedDocumentMutation();
  return useCallback(
    async (model: string, documentId: string) => {
      await refresh({ model, documentId });
    },
    [refresh],
  );
}

/** One queue item. */
export interface QueueItem {
  uid: string;
  documentId: string;
  locale: string;
  site: string | null;
  /** The site's name as editors know it (its key where it has none). */
  siteName: string | null;
  title: string | null;
  stage: string;
  flagged: boolean;
  findings: number;
  since: string;
  /** When the version waiting was submitted (absent for entries that never were). */
  submittedAt?: string | null;
}

/** An office a letter may be assigned to (`GET /review/letters/offices`, web office only). */
export interface Office {
  key: string;
  name: string;
}

/** What `GET /review/queue` returns. */
export interface Queue {
  roles: string[];
  counts: Record<string, number>;
  items: QueueItem[];
}

/** The error message of a failed call: the server's reason when there is one. */
export function errorMessage(error: unknown): string {
  const response = (error as { response?: { data?: { error?: { message?: string } } } }).response;
  return response?.data?.error?.message ?? (error as Error).message ?? String(error);
}

/**
 * The review API bound to the admin's fetch client. The object is the same from render to render, so
 * that effects that depend on it run once, not after every render (which restarted the panel's polling
 * before any answer could arrive).
 */
export function useReviewApi() {
  const { get, post } = useFetchClient();
  return useMemo(() => {
    const path = (uid: string, documentId: string) =>
      `/review/${encodeURIComponent(uid)}/${encodeURIComponent(documentId)}`;
    return {
      entry: async (uid: string, documentId: string, locale: string) =>
        (await get<{ data: EntryReview }>(`${path(uid, documentId)}?locale=${encodeURIComponent(locale)}`))
          .data.data,
      act: async (uid: string, documentId: string, action: string, body: Record<string, unknown>) =>
        (await post<{ data: EntryReview }>(`${path(uid, documentId)}/${action.replace('_', '-')}`, body)).data
          .data,
      queue: async () => (await get<{ data: Queue }>('/review/queue')).data.data,
      defaults: async (uid: string) =>
        (await get<{ data: EntryDefaults }>(`/review/defaults/${encodeURIComponent(uid)}`)).data.data,
      publication: async (uid: string, documentId: string, locale: string) =>
        (
          await get<{ data: Publication }>(
            `/review/publishing/${encodeURIComponent(uid)}/${encodeURIComponent(documentId)}?locale=${encodeURIComponent(locale)}`,
          )
        ).data.data,
      publishing: async () => (await get<{ data: PublishingStatus }>('/review/publishing')).data.data,
      healthReport: async () => (await get('/review/health-report', { responseType: 'text' })).data,
      diff: async (uid: string, documentId: string, locale: string) =>
        (await get<{ data: EntryDiff }>(`${path(uid, documentId)}/diff?locale=${encodeURIComponent(locale)}`))
          .data.data,
      letters: async () => (await get<{ data: LetterToHandle[] }>('/review/letters/queue')).data.data,
      offices: async () => (await get<{ data: Office[] }>('/review/letters/offices')).data.data,
      assign: async (documentId: string, office: string, note: string) =>
        (
          await post<{ data: { to: string } }>(`/review/letters/${encodeURIComponent(documentId)}/assign`, {
            office,
            note,
          })
        ).data.data,
      contact: async (documentId: string) =>
        (await get<{ data: LetterContact }>(`/review/letters/${encodeURIComponent(documentId)}/contact`)).data
          .data,
    };
  }, [get, post]);
}

/**
 * Opens the preview of an entry (ADR 25) in a new tab: the tab is opened at once, while the click still
 * counts as the user's (browsers block tabs opened after an await), the admin then gets the preview
 * cookie with its JWT, and the tab goes to the preview page, which the publisher builds meanwhile.
 */
export function useOpenPreview() {
  const { post } = useFetchClient();
  return useCallback(
    async (uid: string, documentId: string, locale: string) => {
      const tab = window.open('', '_blank');
      if (tab) {
        tab.document.title = t('preview.open');
        tab.document.body.textContent = t('preview.loading');
      }
      try {
        await post('/review/preview-session', {});
      } catch (error) {
        tab?.close();
        throw error;
      }
      const backend = (window as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';
      const url = `${backend}/review/preview/${encodeURIComponent(uid)}/${encodeURIComponent(documentId)}?locale=${encodeURIComponent(locale)}`;
      if (tab) {
        tab.opener = null;
        tab.location.replace(url);
      } else window.open(url, '_blank', 'noopener');
    },
    [post],
  );
}
