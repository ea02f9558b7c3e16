/**
 * What a draft changes against the online version, for the reviewers of an entry that is online and came
 * back for review (issue 14): each changed field by its Chinese label, removed text struck through and
 * added text underlined, with the words 删除 and 新增 for screen readers.
 */
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { type EntryDiff, useReviewApi } from '../api';
import { t } from '../i18n';

/** Hidden from sight, read by screen readers. */
const hidden = {
  position: 'absolute',
  inlineSize: 1,
  blockSize: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
} as const;

/** Removed text struck through, added text underlined, each announced as such. */
function Changed({ op, text }: { op: 'del' | 'ins'; text: string }) {
  const Tag = op;
  return (
    <Tag style={{ color: op === 'del' ? '#b72b1a' : '#2f6846' }}>
      <span style={hidden}>{t(op === 'del' ? 'diff.removed' : 'diff.added')}：</span>
      {text}
    </Tag>
  );
}

/** The diff of an entry's draft against its online version. */
export function DiffView({
  uid,
  documentId,
  locale,
  version,
}: {
  uid: string;
  documentId: string;
  locale: string;
  /** Changes when the draft does: the diff is asked again. */
  version: string | null;
}) {
  const api = useReviewApi();
  const [diff, setDiff] = useState<EntryDiff | null>(null);
  const [open, setOpen] = useState(true);
  useEffect(() => {
    let stopped = false;
    api.diff(uid, documentId, locale).then(
      (answer) => {
        if (!stopped) setDiff(answer);
      },
      () => {
        if (!stopped) setDiff(null);
      },
    );
    return () => {
      stopped = true;
    };
  }, [api, uid, documentId, locale, version]);
  if (!diff?.online) return null;
  return (
    <Box data-testid="review-diff">
      <Flex justifyContent="space-between" alignItems="center">
        <Typography variant="sigma" textColor="neutral600">
          {t('diff.title')}
        </Typography>
        <Button variant="tertiary" size="S" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? t('diff.hide') : t('diff.show')}
        </Button>
      </Flex>
      {!open ? null : diff.changes.length === 0 ? (
        <Typography variant="pi" tag="p">
          {t('diff.none')}
        </Typography>
      ) : (
        <dl style={{ margin: 0 }}>
          {diff.changes.map((change) => (
            <div key={change.field} style={{ marginBlockStart: 8 }}>
              <dt>
                <Typography variant="pi" fontWeight="bold">
                  {change.label}
                </Typography>
              </dt>
              <dd style={{ margin: 0, whiteSpace: 'pre-wrap', maxBlockSize: 240, overflowY: 'auto' }}>
                <Typography variant="pi">
                  {change.pieces.map((piece, index) =>
                    piece.op === 'same' ? (
                      <span key={index}>{piece.text}</span>
                    ) : (
                      <Changed key={index} op={piece.op} text={piece.text} />
                    ),
                  )}
                </Typography>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Box>
  );
}
