/**
 * The review panel's line about the public site (issue 12): after the final approval, when the entry
 * went live and a link to its public page, or why it is not live yet. Asks again every few seconds
 * until the release with the entry is live.
 */
import { Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { type Publication, useReviewApi } from '../api';
import { t } from '../i18n';

/** The line, for an entry that has a published version. */
export function PublicationLine({
  uid,
  documentId,
  locale,
}: {
  uid: string;
  documentId: string;
  locale: string;
}) {
  const api = useReviewApi();
  const [publication, setPublication] = useState<Publication | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async (round: number) => {
      try {
        const answer = await api.publication(uid, documentId, locale);
        if (stopped) return;
        setPublication(answer);
        if (answer.liveAt || !answer.publishedAt || round > 60) return;
      } catch {
        if (stopped || round > 60) return;
      }
      timer = setTimeout(() => void ask(round + 1), 3_000);
    };
    void ask(0);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, uid, documentId, locale]);
  if (!publication?.publishedAt) return null;
  if (publication.liveAt) {
    return (
      <Typography variant="pi" textColor="success600" data-testid="review-live">
        {t('panel.live', {
          time: new Date(publication.liveAt).toLocaleString(undefined, {
            timeZone: 'Asia/Shanghai',
            hour12: false,
          }),
        })}{' '}
        {publication.url ? (
          <a href={publication.url} target="_blank" rel="noreferrer">
            {t('panel.openPublic')}
          </a>
        ) : null}
      </Typography>
    );
  }
  return (
    <Typography variant="pi" textColor="warning600" data-testid="review-not-live">
      {t('panel.notLive', { reason: publication.reason ?? '—' })}
    </Typography>
  );
}
