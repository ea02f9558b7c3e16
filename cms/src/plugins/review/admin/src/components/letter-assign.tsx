/**
 * 交办 / 转办 in 待我办理: the web office picks the office that is to answer a letter (docs/adr/0023-mailbox.md).
 * A native select (keyboard and screen readers work as everywhere) and a button; the server checks who
 * asks and logs the assignment.
 */
import { Button, Flex, Typography } from '@strapi/design-system';
import { useId, useState } from 'react';
import { errorMessage, type LetterToHandle, type Office, useReviewApi } from '../api';
import { t } from '../i18n';

/** The control of one letter; `onAssigned` reloads the list. */
export function AssignLetter({
  letter,
  offices,
  onAssigned,
}: {
  letter: LetterToHandle;
  offices: Office[];
  onAssigned: () => void;
}) {
  const api = useReviewApi();
  const id = useId();
  const [office, setOffice] = useState(letter.office);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const forwarding = letter.office !== letter.site;
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Flex gap={1}>
        <label htmlFor={id} style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden' }}>
          {t('letters.assign.office')}
        </label>
        <select id={id} value={office} onChange={(event) => setOffice(event.target.value)}>
          {offices.map((candidate) => (
            <option key={candidate.key} value={candidate.key}>
              {candidate.name}
            </option>
          ))}
        </select>
        <Button
          size="S"
          variant="secondary"
          disabled={busy || office === letter.office}
          onClick={() => {
            setBusy(true);
            setError(null);
            api.assign(letter.documentId, office, '').then(
              () => {
                setBusy(false);
                onAssigned();
              },
              (reason: unknown) => {
                setBusy(false);
                setError(errorMessage(reason));
              },
            );
          }}
        >
          {t(forwarding ? 'letters.assign.forward' : 'letters.assign.assign')}
        </Button>
      </Flex>
      {error ? (
        <Typography role="alert" variant="pi" textColor="danger600">
          {error}
        </Typography>
      ) : null}
    </Flex>
  );
}
