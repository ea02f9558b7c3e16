/** 待我审核: what waits for the current user, with counts per stage, linking to each entry's edit view. */
import { Badge, Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage, type Queue, useReviewApi } from '../api';
import { t } from '../i18n';

/** The order the counts are shown in. */
const countKeys = ['unit_review', 'web_review', 'secrecy_review', 'flagged', 'returned'] as const;

/** The page component. */
export default function QueuePage() {
  const api = useReviewApi();
  const [queue, setQueue] = useState<Queue | null>(null);
  const [error, setError] = useState<string | null>(null);
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
              <Table colCount={6} rowCount={queue.items.length + 1}>
                <Thead>
                  <Tr>
                    {(['title', 'site', 'locale', 'stage', 'findings', 'since'] as const).map((column) => (
                      <Th key={column}>
                        <Typography variant="sigma">{t(`queue.column.${column}`)}</Typography>
                      </Th>
                    ))}
                  </Tr>
                </Thead>
                <Tbody>
                  {queue.items.map((item) => (
                    <Tr key={`${item.uid}-${item.documentId}-${item.locale}`}>
                      <Td>
                        <Link
                          to={`/content-manager/collection-types/${item.uid}/${item.documentId}?plugins[i18n][locale]=${item.locale}`}
                          data-testid="review-queue-item"
                        >
                          {item.title ?? item.documentId}
                        </Link>
                      </Td>
                      <Td>
                        <Typography>{item.site ?? '—'}</Typography>
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
                        <Typography>
                          {new Date(item.since).toLocaleString(undefined, {
                            timeZone: 'Asia/Shanghai',
                            hour12: false,
                          })}
                        </Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </Flex>
        ) : null}
      </Layouts.Content>
    </Page.Main>
  );
}
