/**
 * The writer's contact data of a letter from the mailbox, shown only when asked for: the server decides
 * who may see it and records every look in the review log (docs/adr/0023-mailbox.md).
 */
import { Button, Flex, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { type LetterContact as Contact, errorMessage, useReviewApi } from '../api';
import { t } from '../i18n';

/** The button and, once asked, the data. */
export function LetterContact({ documentId }: { documentId: string }) {
  const api = useReviewApi();
  const [contact, setContact] = useState<Contact | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (contact) {
    return (
      <dl data-testid="letter-contact" style={{ margin: 0 }}>
        {(['name', 'phone', 'email', 'idNumber'] as const).map((key) =>
          contact[key] ? (
            <Flex key={key} gap={2}>
              <Typography tag="dt" fontWeight="bold">
                {t(`contact.${key}`)}
              </Typography>
              <Typography tag="dd" style={{ margin: 0 }}>
                {contact[key]}
              </Typography>
            </Flex>
          ) : null,
        )}
      </dl>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Button
        variant="tertiary"
        onClick={() =>
          api.contact(documentId).then(setContact, (reason: unknown) => setError(errorMessage(reason)))
        }
      >
        {t('contact.show')}
      </Button>
      <Typography variant="pi" textColor="neutral600">
        {error ?? t('contact.notice')}
      </Typography>
    </Flex>
  );
}
