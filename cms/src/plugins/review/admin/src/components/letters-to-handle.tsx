/**
 * 待我办理: the letters from the mailbox that wait for the current user's answer, the earliest promised
 * day first, overdue ones marked (docs/adr/0023-mailbox.md). Nothing is shown to people who handle none.
 */
import { calendarDay } from '@govcluster/shared/dates';
import { Badge, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage, type LetterToHandle, type Office, useReviewApi } from '../api';
import { t } from '../i18n';
import { AssignLetter } from './letter-assign';

const columns = ['title', 'code', 'site', 'office', 'kind', 'submittedAt', 'promisedBy', 'legalBy'] as const;

/** The list. */
export function LettersToHandle() {
  const api = useReviewApi();
  const [letters, setLetters] = useState<LetterToHandle[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The offices are offered to the web office only (anyone else is refused them: no control then).
  const [offices, setOffices] = useState<Office[] | null>(null);
  const load = useCallback(() => {
    api.letters().then(setLetters, (reason: unknown) => setError(errorMessage(reason)));
  }, [api]);
  useEffect(() => {
    load();
    api.offices().then(setOffices, () => setOffices(null));
  }, [api, load]);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!letters) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="letters-to-handle">
      <Typography variant="delta" tag="h2">
        {t('letters.title')}
      </Typography>
      <Typography textColor="neutral600">{t('letters.subtitle')}</Typography>
      {letters.length === 0 ? (
        <Typography>{t('letters.empty')}</Typography>
      ) : (
        <Table colCount={columns.length} rowCount={letters.length + 1}>
          <Thead>
            <Tr>
              {columns.map((column) => (
                <Th key={column}>
                  <Typography variant="sigma">{t(`letters.column.${column}`)}</Typography>
                </Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {letters.map((letter) => (
              <Tr
                key={letter.documentId}
                data-overdue={letter.overdue ?? undefined}
                style={letter.overdue ? { background: 'var(--govcluster-overdue, #fdf4dc)' } : undefined}
              >
                <Td>
                  <Link
                    to={`/content-manager/collection-types/api::letter.letter/${letter.documentId}?plugins[i18n][locale]=zh-CN`}
                    data-testid="letter-to-handle"
                  >
                    {letter.title}
                  </Link>
                </Td>
                <Td>
                  <Typography>{letter.code}</Typography>
                </Td>
                <Td>
                  <Typography>{letter.siteName}</Typography>
                </Td>
                <Td data-testid="letter-office">
                  {offices ? (
                    <AssignLetter letter={letter} offices={offices} onAssigned={load} />
                  ) : (
                    <Typography>{letter.officeName}</Typography>
                  )}
                </Td>
                <Td>
                  <Flex gap={1}>
                    <Badge>{letter.kind}</Badge>
                    {letter.verified ? null : <Badge>{t('letters.unverified')}</Badge>}
                  </Flex>
                </Td>
                <Td>
                  <Typography>{calendarDay(letter.submittedAt)}</Typography>
                </Td>
                <Td>
                  <Typography textColor={letter.overdue ? 'danger600' : 'neutral800'}>
                    {letter.promisedBy}
                    {letter.overdue ? `（${t(`letters.overdue.${letter.overdue}`)}）` : ''}
                  </Typography>
                </Td>
                <Td>
                  <Typography textColor={letter.overdue === 'legal' ? 'danger600' : 'neutral800'}>
                    {letter.legalBy}
                  </Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Flex>
  );
}
