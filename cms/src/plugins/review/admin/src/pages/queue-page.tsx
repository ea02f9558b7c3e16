/**
 * 待我审核: what waits for the current user, with counts per stage, linking to each entry's edit view;
 * oldest submission first, with how long each has waited, and overdue ones marked.
 */
import { calendarMinute } from '@govcluster/shared/dates';
import { Badge, Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage, type Queue, type QueueItem, useOpenPreview, useReviewApi } from '../api';
import { LettersToHandle } from '../components/letters-to-handle';
import { t } from '../i18n';

/** Waiting longer than this at one level is overdue (two days, as offices promise a reply). */
const overdueHours = 48;

/** The columns, in order; the sortable ones sort by these values. */
const columns = ['title', 'site', 'locale', 'stage', 'findings', 'submittedAt', 'waiting'] as const;
type Column = (typeof columns)[number];

/** When an item started waiting: its submission, or its last change for what never was submitted. */
function waitingSince(item: QueueItem): number {
  return Date.parse(item.submittedAt ?? item.since);
}

/** How long something has waited, in days and hours: 2天3小时. */
function waited(since: number, now: number): string {
  const hours = Math.max(0, Math.floor((now - since) / 3_600_000));
  return t('queue.waited', { days: Math.floor(hours / 24), hours: hours % 24 });
}

function sortValue(item: QueueItem, column: Column): string | number {
  if (column === 'submittedAt' || column === 'waiting') return waitingSince(item);
  if (column === 'findings') return item.findings;
  return String(item[column] ?? '');
}

/** The order the counts are shown in. */
const countKeys = ['unit_review', 'web_review', 'secrecy_review', 'flagged', 'returned'] as const;

/** The page component. */
export default function QueuePage() {
  const api = useReviewApi();
  const openPreview = useOpenPreview();
  const [queue, setQueue] = useState<Queue | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Oldest first: what has waited longest is what should be done next.
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({
    column: 'submittedAt',
    descending: false,
  });
  const now = Date.now();
  const items = useMemo(() => {
    const sorted = [...(queue?.items ?? [])].sort((a, b) => {
      const x = sortValue(a, sort.column);
      const y = sortValue(b, sort.column);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    // "Waiting" longest means submitted earliest: the same order, read the other way.
    const descending = sort.column === 'waiting' ? !sort.descending : sort.descending;
    return descending ? sorted.reverse() : sorted;
  }, [queue, sort]);
  useEffect(() => {
    api.queue().then(setQueue, (reason: unknown) => setError(errorMessage(reason)));
  }, [api]);
  return (
    <Page.Main>
      <Page.Title>{t('queue.title')}</Page.Title>
      <Layouts.Header title={t('queue.title')} subtitle={t('queue.subtitle')} />
      <Layouts.Content>
        {error ? <Typography textColor="danger600">{error}</Typography> : null}
        {queue ? (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Flex gap={3} wrap="wrap" data-testid="review-counts">
              {countKeys
                .filter((key) => queue.counts[key] !== undefined)
                .map((key) => (
                  <Box key={key} background="neutral0" hasRadius shadow="tableShadow" padding={4}>
                    <Typography variant="sigma" textColor="neutral600" tag="p">
                      {t(`queue.count.${key}`)}
                    </Typography>
                    <Typography variant="alpha" tag="p" data-testid={`review-count-${key}`}>
                      {queue.counts[key]}
                    </Typography>
                  </Box>
                ))}
            </Flex>
            {queue.items.length === 0 ? (
              <Typography>{t('queue.empty')}</Typography>
            ) : (
              <Table colCount={columns.length + 1} rowCount={items.length + 1}>
                <Thead>
                  <Tr>
                    {columns.map((column) => (
                      <Th
                        key={column}
                        aria-sort={
                          sort.column === column ? (sort.descending ? 'descending' : 'ascending') : undefined
                        }
                      >
                        <button
                          type="button"
                          style={{ all: 'unset', cursor: 'pointer' }}
                          onClick={() =>
                            setSort((current) => ({
                              column,
                              descending: current.column === column ? !current.descending : false,
                            }))
                          }
                        >
                          <Typography variant="sigma">
                            {t(`queue.column.${column}`)}
                            {sort.column === column ? (sort.descending ? ' ↓' : ' ↑') : ''}
                          </Typography>
                        </button>
                      </Th>
                    ))}
                    <Th>
                      <Typography variant="sigma">{t('queue.column.preview')}</Typography>
                    </Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {items.map((item) => {
                    const since = waitingSince(item);
                    const overdue = item.stage !== 'draft' && now - since > overdueHours * 3_600_000;
                    return (
                      <Tr
                        key={`${item.uid}-${item.documentId}-${item.locale}`}
                        data-overdue={overdue || undefined}
                        style={overdue ? { background: 'var(--govcluster-overdue, #fdf4dc)' } : undefined}
                      >
                        <Td>
                          <Link
                            to={`/content-manager/collection-types/${item.uid}/${item.documentId}?plugins[i18n][locale]=${item.locale}`}
                            data-testid="review-queue-item"
                          >
                            {item.title ?? item.documentId}
                          </Link>
                        </Td>
                        <Td>
                          <Typography>{item.siteName ?? '—'}</Typography>
                        </Td>
                        <Td>
                          <Typography>{item.locale}</Typography>
                        </Td>
                        <Td>
                          <Flex gap={1}>
                            <Badge>{t(`stage.${item.stage}`)}</Badge>
                            {item.flagged ? <Badge textColor="danger600">{t('queue.flagged')}</Badge> : null}
                          </Flex>
                        </Td>
                        <Td>
                          <Typography textColor={item.findings > 0 ? 'danger600' : 'neutral800'}>
                            {item.findings}
                          </Typography>
                        </Td>
                        <Td>
                          <Typography>{calendarMinute(since)}</Typography>
                        </Td>
                        <Td>
                          <Typography textColor={overdue ? 'danger600' : 'neutral800'}>
                            {waited(since, now)}
                            {overdue ? `（${t('queue.overdue')}）` : ''}
                          </Typography>
                        </Td>
                        <Td>
                          <Button
                            variant="tertiary"
                            size="S"
                            onClick={() =>
                              openPreview(item.uid, item.documentId, item.locale).catch((error: unknown) =>
                                setError(t('preview.failed', { reason: errorMessage(error) })),
                              )
                            }
                          >
                            {t('preview.open')}
                          </Button>
                        </Td>
                      </Tr>
                    );
                  })}
                </Tbody>
              </Table>
            )}
          </Flex>
        ) : null}
        <Box paddingTop={8}>
          <LettersToHandle />
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
}
