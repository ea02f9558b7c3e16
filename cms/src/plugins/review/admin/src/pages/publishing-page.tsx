/**
 * 发布状态: the publisher's queue, the build in progress, each site's health after the last
 * inspection (ADR 29), the latest releases with their duration, page count and skipped entries, and
 * the builds that did not go live with their reasons. For the web
 * office and site administrators (the server refuses everyone else).
 */
import { Badge, Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { errorMessage, type PublishingStatus, useReviewApi } from '../api';
import { SiteHealth } from '../components/site-health';
import { t } from '../i18n';

function when(value: string): string {
  return new Date(value).toLocaleString(undefined, { timeZone: 'Asia/Shanghai', hour12: false });
}

/** The page component; refreshes every five seconds. */
export default function PublishingPage() {
  const api = useReviewApi();
  const [data, setData] = useState<PublishingStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    const load = () =>
      api.publishing().then(
        (answer) => {
          if (!stopped) setData(answer);
        },
        (reason: unknown) => {
          if (!stopped) setError(errorMessage(reason));
        },
      );
    void load();
    const timer = setInterval(load, 5_000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api]);
  const status = data?.status;
  return (
    <Page.Main>
      <Page.Title>{t('publishing.title')}</Page.Title>
      <Layouts.Header title={t('publishing.title')} subtitle={t('publishing.subtitle')} />
      <Layouts.Content>
        {error ? <Typography textColor="danger600">{error}</Typography> : null}
        {data?.problem ? (
          <Typography textColor="danger600" data-testid="publishing-problem">
            {t('publishing.unreachable', { reason: data.problem })}
          </Typography>
        ) : null}
        {status ? (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Flex gap={3} wrap="wrap">
              {[
                [t('publishing.live'), status.live ?? t('publishing.none')],
                [
                  t('publishing.building'),
                  status.building
                    ? `${status.building.id} (${status.building.changes.length})`
                    : t('publishing.idle'),
                ],
                [t('publishing.queue'), String(status.queue.length)],
                [t('publishing.source'), status.source],
              ].map(([label, value]) => (
                <Box key={label} background="neutral0" hasRadius shadow="tableShadow" padding={4}>
                  <Typography variant="sigma" textColor="neutral600" tag="p">
                    {label}
                  </Typography>
                  <Typography variant="delta" tag="p">
                    {value}
                  </Typography>
                </Box>
              ))}
            </Flex>
            {status.sourceReachable ? null : (
              <Typography textColor="danger600">
                {t('publishing.sourceDown', { reason: status.sourceProblem ?? '—' })}
              </Typography>
            )}
            {status.health ? <SiteHealth health={status.health} /> : null}
            <Typography variant="beta" tag="h2">
              {t('publishing.releases')}
            </Typography>
            <Table colCount={5} rowCount={status.releases.length + 1}>
              <Thead>
                <Tr>
                  {(['id', 'finished', 'duration', 'pages', 'skipped'] as const).map((column) => (
                    <Th key={column}>
                      <Typography variant="sigma">{t(`publishing.column.${column}`)}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {status.releases.map((release) => (
                  <Tr key={release.id} data-testid="publishing-release">
                    <Td>
                      <Flex gap={1}>
                        <Typography>{release.id}</Typography>
                        {release.id === status.live ? <Badge active>{t('publishing.live')}</Badge> : null}
                      </Flex>
                    </Td>
                    <Td>
                      <Typography>{when(release.finishedAt)}</Typography>
                    </Td>
                    <Td>
                      <Typography>{(release.durationMs / 1000).toFixed(1)} s</Typography>
                    </Td>
                    <Td>
                      <Typography>{release.pages}</Typography>
                    </Td>
                    <Td>
                      <Typography>
                        {release.skipped.length === 0
                          ? t('publishing.none')
                          : release.skipped
                              .map((entry) => `${entry.site}/${entry.type} ${entry.id}: ${entry.problem}`)
                              .join('; ')}
                      </Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            {status.failures.length > 0 ? (
              <Box>
                <Typography variant="beta" tag="h2">
                  {t('publishing.failures')}
                </Typography>
                <ul>
                  {status.failures.map((failure) => (
                    <li key={failure.at} data-testid="publishing-failure">
                      <Typography textColor="danger600">
                        {when(failure.at)}: {failure.reason}
                      </Typography>
                    </li>
                  ))}
                </ul>
              </Box>
            ) : null}
          </Flex>
        ) : null}
      </Layouts.Content>
    </Page.Main>
  );
}
