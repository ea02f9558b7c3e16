/**
 * 网站健康状况 on the 发布状态 page (ADR 29): the inspection of the live release, one row per site,
 * failing sites first (the publisher sorts them), each with its single-veto findings (单项否决) and the
 * number of other findings; the full HTML report opens below the table, in a sandboxed frame (no
 * script, no same-origin; its links open a new tab), fetched with the admin's login (web office and
 * site administrators only).
 */

import type { HealthStatus } from '@govcluster/shared/publishing';
import { Badge, Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { errorMessage, useReviewApi } from '../api';
import { t } from '../i18n';

function when(value: string): string {
  return new Date(value).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** The health section. */
export function SiteHealth({ health }: { health: HealthStatus }) {
  const api = useReviewApi();
  const [report, setReport] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const last = health.last;
  const toggle = () => {
    if (report !== null) {
      setReport(null);
      return;
    }
    setError(null);
    api.healthReport().then(
      (html) => setReport(html),
      (reason: unknown) => setError(errorMessage(reason)),
    );
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="site-health">
      <Typography variant="beta" tag="h2">
        {t('health.title')}
      </Typography>
      {health.checking ? (
        <Typography>{t('health.checking', { release: health.checking.release })}</Typography>
      ) : null}
      {health.waiting ? <Typography>{t('health.waiting', { release: health.waiting })}</Typography> : null}
      {health.problem ? (
        <Typography textColor="danger600">{t('health.problem', { reason: health.problem })}</Typography>
      ) : null}
      {last ? (
        <>
          <Flex gap={3} wrap="wrap" alignItems="center">
            <Typography>
              {t('health.summary', {
                release: last.release,
                at: when(last.checkedAt),
                seconds: (last.durationMs / 1000).toFixed(1),
                failing: last.sites.filter((site) => !site.passed).length,
                total: last.sites.length,
              })}
            </Typography>
            <Button variant="secondary" onClick={toggle} data-testid="health-report-toggle">
              {report === null ? t('health.open') : t('health.close')}
            </Button>
          </Flex>
          <Table colCount={5} rowCount={last.sites.length + 1}>
            <Thead>
              <Tr>
                {(['site', 'verdict', 'vetoes', 'warnings', 'checked'] as const).map((column) => (
                  <Th key={column}>
                    <Typography variant="sigma">{t(`health.column.${column}`)}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {last.sites.map((site) => (
                <Tr key={site.id} data-testid="site-health-row">
                  <Td>
                    <Typography fontWeight={site.passed ? undefined : 'bold'}>{site.name}</Typography>
                  </Td>
                  <Td>
                    {site.passed ? (
                      <Badge>{t('health.passed')}</Badge>
                    ) : (
                      <Badge backgroundColor="danger100" textColor="danger700" borderColor="danger200">
                        {t('health.failed')}
                      </Badge>
                    )}
                  </Td>
                  <Td style={{ whiteSpace: 'normal' }}>
                    {site.vetoes === 0 ? (
                      <Typography textColor="neutral600">0</Typography>
                    ) : (
                      <Flex direction="column" alignItems="stretch" gap={1} tag="ul">
                        {site.vetoItems.map((item, index) => (
                          <li key={`${item.rule}-${index}`}>
                            <Typography textColor="danger600">
                              <strong>{item.label}</strong>：{item.message}
                            </Typography>
                          </li>
                        ))}
                        {site.vetoes > site.vetoItems.length ? (
                          <li>
                            <Typography textColor="neutral600">
                              {t('health.more', { count: site.vetoes - site.vetoItems.length })}
                            </Typography>
                          </li>
                        ) : null}
                      </Flex>
                    )}
                  </Td>
                  <Td>
                    <Typography>{site.warnings}</Typography>
                  </Td>
                  <Td>
                    <Typography>{when(last.checkedAt)}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          {error ? <Typography textColor="danger600">{error}</Typography> : null}
          {report !== null ? (
            <Box background="neutral0" hasRadius shadow="tableShadow">
              <iframe
                title={t('health.reportTitle')}
                srcDoc={report}
                sandbox="allow-popups allow-popups-to-escape-sandbox"
                data-testid="health-report"
                style={{ width: '100%', height: '32rem', border: 0 }}
              />
            </Box>
          ) : null}
        </>
      ) : health.checking || health.waiting ? null : (
        <Typography textColor="neutral600">{t('health.never')}</Typography>
      )}
    </Flex>
  );
}
