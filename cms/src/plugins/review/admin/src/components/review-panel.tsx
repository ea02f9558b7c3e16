/**
 * The edit view's review panel: the stage, a notice when a published version is online or the entry was
 * published in an emergency, the screening findings, only the actions the current user may take (the
 * server decides which), a comment box, and the history of the entry.
 */
import { calendarMinute } from '@govcluster/shared/dates';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useNotification, useQueryParams } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { type EntryReview, errorMessage, useOpenPreview, useRefreshDocument, useReviewApi } from '../api';
import { t } from '../i18n';
import { DiffView } from './diff-view';
import { LetterContact } from './letter-contact';
import { NewEntryDefaults } from './new-entry-defaults';
import { PublicationLine } from './publication-line';

/** Actions that need a comment (as in the shared model). */
const commentRequired = new Set(['reject', 'emergency_publish', 'withdraw']);

/** Props the content manager passes to a side panel. */
export interface PanelProps {
  model: string;
  documentId?: string;
  collectionType?: string;
  document?: { updatedAt?: string; locale?: string } | null;
}

/** `2026-12-05 09:30` read as China Standard Time, as an ISO instant; null when it is not such a time. */
export function parsePublishAt(text: string): string | null {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2})[:：](\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as number[];
  const instant = new Date(Date.UTC(year!, month! - 1, day!, hour! - 8, minute!));
  // Date.UTC rolls 2026-02-30 over to March: such a date was not a real one.
  if (new Date(instant.getTime() + 8 * 3_600_000).getUTCDate() !== day || minute! > 59) return null;
  return instant.toISOString();
}

/** What the toast says after an action: what just happened and what comes next. */
function doneMessage(action: string, stage: string): string {
  const key = action === 'approve' ? `toast.approve.${stage}` : `toast.${action}`;
  const message = t(key);
  return message === key ? t('toast.other', { stage: t(`stage.${stage}`) }) : message;
}

/** The panel body. */
export function ReviewPanelContent({ model, documentId, document }: PanelProps) {
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale ?? document?.locale ?? 'zh-CN';
  const api = useReviewApi();
  const refreshDocument = useRefreshDocument();
  const openPreview = useOpenPreview();
  const { toggleNotification } = useNotification();
  const [entry, setEntry] = useState<EntryReview | null>(null);
  const [missing, setMissing] = useState(false);
  const [comment, setComment] = useState('');
  const [publishAt, setPublishAt] = useState('');
  const [override, setOverride] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    if (!documentId) return;
    try {
      setEntry(await api.entry(model, documentId, locale));
      setMissing(false);
    } catch {
      setMissing(true);
    }
  }, [api, model, documentId, locale]);

  useEffect(() => {
    void load();
  }, [load, document?.updatedAt]);

  if (!documentId) {
    return (
      <>
        <NewEntryDefaults model={model} />
        <Typography variant="pi">{t('panel.saveFirst')}</Typography>
      </>
    );
  }
  if (missing) return <Typography variant="pi">{t('panel.notReviewed')}</Typography>;
  if (!entry) return null;

  const act = async (action: string) => {
    if (commentRequired.has(action) && comment.trim() === '') {
      toggleNotification({
        type: 'warning',
        message: t('panel.commentMissing', { action: t(`action.${action}`) }),
      });
      return;
    }
    const scheduled = publishAt.trim() === '' ? null : parsePublishAt(publishAt);
    if (publishAt.trim() !== '' && !scheduled) {
      toggleNotification({ type: 'warning', message: t('panel.publishAt.invalid') });
      return;
    }
    setBusy(true);
    try {
      // The version this person is looking at: acting on a version changed since is refused.
      const body: Record<string, unknown> = { locale, comment, versionHash: entry.versionHash ?? undefined };
      if (scheduled && (action === 'submit' || (action === 'approve' && entry.stage === 'secrecy_review'))) {
        body.publishAt = scheduled;
      }
      if (override) body.override = true;
      const next = await api.act(model, documentId, action, body);
      setEntry(next);
      await refreshDocument(model, documentId);
      setComment('');
      setOverride(false);
      toggleNotification({ type: 'success', message: doneMessage(action, next.stage) });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const needsComment = entry.actions.some((action) => commentRequired.has(action));
  // The reviewer's reason for the latest return, shown to the author until the entry is submitted again.
  const lastReturn = entry.history.findLastIndex((item) => item.action === 'reject');
  const returned =
    entry.stage === 'draft' &&
    lastReturn >= 0 &&
    !entry.history.slice(lastReturn + 1).some((item) => item.action === 'submit')
      ? entry.history[lastReturn]
      : undefined;
  const publishAtInvalid = publishAt.trim() !== '' && parsePublishAt(publishAt) === null;
  const hasMarking = entry.findings.some((finding) => finding.kind === 'secrecy-marking');
  const showPublishAt =
    entry.actions.includes('submit') ||
    (entry.stage === 'secrecy_review' && entry.actions.includes('approve'));

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="review-panel">
      <Flex gap={2} alignItems="center">
        <Typography variant="sigma" textColor="neutral600">
          {t('panel.stage')}
        </Typography>
        <Badge data-testid="review-stage" active>
          {t(`stage.${entry.stage}`)}
        </Badge>
      </Flex>
      {entry.uid === 'api::letter.letter' ? <LetterContact documentId={entry.documentId} /> : null}
      <Button
        variant="secondary"
        fullWidth
        onClick={() =>
          openPreview(model, documentId, locale).catch((error: unknown) =>
            toggleNotification({
              type: 'danger',
              message: t('preview.failed', { reason: errorMessage(error) }),
            }),
          )
        }
      >
        {t('preview.open')}
      </Button>
      {entry.hasPublishedVersion && entry.stage !== 'published' ? (
        <Typography variant="pi">{t('panel.online')}</Typography>
      ) : null}
      {entry.hasPublishedVersion ? (
        <PublicationLine uid={model} documentId={documentId} locale={locale} />
      ) : null}
      {entry.hasPublishedVersion && entry.stage !== 'published' ? (
        <DiffView uid={model} documentId={documentId} locale={locale} version={document?.updatedAt ?? null} />
      ) : null}
      {returned ? (
        <Typography variant="pi" textColor="danger600" data-testid="review-returned">
          {t('panel.returned', {
            name: returned.actorName,
            time: calendarMinute(returned.at),
            comment: returned.comment ?? '',
          })}
        </Typography>
      ) : null}
      {entry.flagged ? (
        <Typography variant="pi" textColor="danger600" data-testid="review-flagged">
          {t('panel.flagged')}
        </Typography>
      ) : null}
      {entry.publishAt && entry.stage === 'approved' ? (
        <Typography variant="pi">
          {t('panel.scheduled', { time: calendarMinute(entry.publishAt) })}
        </Typography>
      ) : null}

      <Box>
        <Typography variant="sigma" textColor="neutral600">
          {t('panel.findings')}
        </Typography>
        {entry.findings.length === 0 ? (
          <Typography variant="pi" tag="p">
            {t('panel.noFindings')}
          </Typography>
        ) : (
          <ul data-testid="review-findings" style={{ margin: 0, paddingInlineStart: 16 }}>
            {entry.findings.map((finding) => (
              <li key={`${finding.kind}-${finding.match}`}>
                <Typography
                  variant="pi"
                  textColor={finding.kind === 'secrecy-marking' ? 'danger600' : 'neutral800'}
                >
                  {t(`finding.${finding.kind}`)}：{finding.match}
                </Typography>
              </li>
            ))}
          </ul>
        )}
      </Box>

      {entry.actions.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {t('panel.noActions')}
        </Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Textarea
            name="review-comment"
            aria-label={needsComment ? t('panel.commentRequired') : t('panel.comment')}
            placeholder={needsComment ? t('panel.commentRequired') : t('panel.comment')}
            value={comment}
            onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setComment(event.target.value)}
          />
          {showPublishAt ? (
            <Field.Root
              name="review-publish-at"
              hint={t('panel.publishAt.hint')}
              error={publishAtInvalid ? t('panel.publishAt.invalid') : undefined}
            >
              <Field.Label>{t('panel.publishAt')}</Field.Label>
              <TextInput
                placeholder="2026-12-05 09:30"
                value={publishAt}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setPublishAt(event.target.value)}
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          ) : null}
          {hasMarking && entry.stage === 'secrecy_review' && entry.actions.includes('approve') ? (
            <Checkbox checked={override} onCheckedChange={(value: boolean) => setOverride(value === true)}>
              {t('panel.override')}
            </Checkbox>
          ) : null}
          {entry.actions.map((action) => (
            <Button
              key={action}
              fullWidth
              loading={busy}
              variant={
                action === 'reject' || action === 'withdraw' || action === 'emergency_publish'
                  ? 'danger-light'
                  : 'default'
              }
              onClick={() => void act(action)}
              data-testid={`review-action-${action}`}
            >
              {t(`action.${action}`)}
            </Button>
          ))}
        </Flex>
      )}

      <Box>
        <Typography variant="sigma" textColor="neutral600">
          {t('panel.history')}
        </Typography>
        {entry.history.length === 0 ? (
          <Typography variant="pi" tag="p">
            {t('panel.noHistory')}
          </Typography>
        ) : (
          <ol data-testid="review-history" style={{ margin: 0, paddingInlineStart: 16 }}>
            {entry.history.map((item) => (
              <li key={item.id}>
                <Typography variant="pi">
                  {calendarMinute(item.at)} · {item.actorName}（{t(`role.${item.actorRole}`)}）·{' '}
                  {t(`action.${item.action}`) === `action.${item.action}`
                    ? t(`history.${item.action}`)
                    : t(`action.${item.action}`)}
                  {item.toStage ? ` → ${t(`stage.${item.toStage}`)}` : ''}
                  {item.comment ? `：${item.comment}` : ''}
                </Typography>
              </li>
            ))}
          </ol>
        )}
      </Box>
    </Flex>
  );
}

/** The side-panel description the content manager asks for. */
export function ReviewPanel(props: PanelProps) {
  if (!props.model.startsWith('api::')) return null;
  return { title: t('panel.title'), content: <ReviewPanelContent {...props} /> };
}
(ReviewPanel as unknown as { type: string }).type = 'review';
