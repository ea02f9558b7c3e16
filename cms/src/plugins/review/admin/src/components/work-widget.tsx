/**
 * The home page's first widget: what the current user should do next — entries returned to them for
 * changes (with the reviewer's reason) and entries waiting for their review, oldest first, with links.
 */
import { Box, Flex, Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage, type Queue, type QueueItem, useReviewApi } from '../api';
import { t } from '../i18n';

function link(item: QueueItem): string {
  return `/content-manager/collection-types/${item.uid}/${item.documentId}?plugins[i18n][locale]=${item.locale}`;
}

function Section({ title, items, empty }: { title: string; items: QueueItem[]; empty: string }) {
  return (
    <Box>
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        {title}（{items.length}）
      </Typography>
      {items.length === 0 ? (
        <Typography variant="pi" tag="p">
          {empty}
        </Typography>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 16 }}>
          {items.slice(0, 8).map((item) => (
            <li key={`${item.uid}-${item.documentId}-${item.locale}`}>
              <Link to={link(item)}>{item.title ?? item.documentId}</Link>
            </li>
          ))}
        </ul>
      )}
    </Box>
  );
}

/** The widget. */
export default function WorkWidget() {
  const api = useReviewApi();
  const [queue, setQueue] = useState<Queue | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.queue().then(setQueue, (reason: unknown) => setError(errorMessage(reason)));
  }, [api]);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!queue) return null;
  const oldestFirst = [...queue.items].sort(
    (a, b) => Date.parse(a.submittedAt ?? a.since) - Date.parse(b.submittedAt ?? b.since),
  );
  const returned = oldestFirst.filter((item) => item.stage === 'draft');
  const waiting = oldestFirst.filter((item) => item.stage !== 'draft');
  const reviews = queue.roles.some((role) => role !== 'author');
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="review-work-widget">
      {queue.roles.includes('author') ? (
        <Section title={t('home.returned')} items={returned} empty={t('home.returned.empty')} />
      ) : null}
      {reviews ? <Section title={t('queue.title')} items={waiting} empty={t('queue.empty')} /> : null}
    </Flex>
  );
}
