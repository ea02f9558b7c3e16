/**
 * The mailbox's pages as HTML, around the forms of `form-html.ts`: the confirmation with the tracking
 * code and password, a letter's state and reply with the rating form (信件查询), and the whole page the
 * CMS answers with when a form was sent without JavaScript. Everything typed is escaped here, once.
 * Pure and browser-safe.
 * @module
 */
import { escapeHtml } from '../text/escape.ts';
import { type LetterRating, letterRatings, type TrackedStatus, trackedStatuses } from './form.ts';
import { errorSummary, type FormErrors, mailboxUrl, radios } from './form-html.ts';

const e = escapeHtml;

/** The confirmation after a letter was accepted: the code and password, shown this once. */
export function renderConfirmation(options: {
  code: string;
  password: string;
  mailbox: string;
  trackUrl: string;
}): string {
  return [
    '<div class="gc-mailbox-done" role="status">',
    `<h2>您的信件已提交至${e(options.mailbox)}</h2>`,
    '<p>请记下查询编号和查询密码，凭它们查询办理进度和答复。<strong>密码只显示这一次</strong>，我们无法找回。</p>',
    '<dl class="gc-mailbox-code">',
    `<dt>查询编号</dt><dd><code data-gc-letter-code>${e(options.code)}</code></dd>`,
    `<dt>查询密码</dt><dd><code data-gc-letter-password>${e(options.password)}</code></dd>`,
    '</dl>',
    `<p><a href="${e(options.trackUrl)}">信件查询</a></p>`,
    '</div>',
  ].join('');
}

/** What the status page shows of a letter: never the writer's contact data. */
export interface LetterStatusView {
  code: string;
  subject: string;
  text: string;
  kind: string;
  submittedAt: string;
  status: TrackedStatus;
  handlingUnit: string;
  reply: string | null;
  repliedAt: string | null;
  rating: LetterRating | null;
  /** The day by which the city promises an answer (formatted), while there is none. */
  answerBy: string | null;
  /** The public page of the letter, once published. */
  publicUrl: string | null;
}

/** Text with its line breaks kept, escaped. */
function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((part) => `<p>${e(part).replace(/\n/g, '<br />')}</p>`)
    .join('');
}

/** The state of a letter (信件查询 result), the reply once sent, and the rating form. */
export function renderLetterStatus(
  view: LetterStatusView,
  options: { site?: string; password?: string; errors?: FormErrors } = {},
): string {
  const steps = (Object.keys(trackedStatuses) as TrackedStatus[])
    .map((status) => {
      const order = Object.keys(trackedStatuses);
      const done = order.indexOf(status) <= order.indexOf(view.status);
      return `<li class="${done ? 'gc-mailbox-step--done' : ''}"${status === view.status ? ' aria-current="step"' : ''}>${trackedStatuses[status]}</li>`;
    })
    .join('');
  const parts = [
    `<h2>办理状态：<strong data-gc-letter-status="${view.status}">${trackedStatuses[view.status]}</strong></h2>`,
    `<ol class="gc-mailbox-steps">${steps}</ol>`,
    '<dl class="gc-mailbox-facts">',
    `<dt>查询编号</dt><dd>${e(view.code)}</dd>`,
    `<dt>来信类型</dt><dd>${e(view.kind)}</dd>`,
    `<dt>来信时间</dt><dd>${e(view.submittedAt)}</dd>`,
    `<dt>承办单位</dt><dd>${e(view.handlingUnit)}</dd>`,
    view.answerBy ? `<dt>答复期限</dt><dd>${e(view.answerBy)}前</dd>` : '',
    '</dl>',
    `<h3>${e(view.subject)}</h3>`,
    `<div class="gc-mailbox-text">${paragraphs(view.text)}</div>`,
  ];
  if (view.reply) {
    parts.push(
      `<h3>答复${view.repliedAt ? `（${e(view.repliedAt)}）` : ''}</h3>`,
      `<div class="gc-mailbox-reply" data-gc-letter-reply>${paragraphs(view.reply)}</div>`,
    );
    if (view.publicUrl) parts.push(`<p><a href="${e(view.publicUrl)}">查看公开的信件</a></p>`);
    if (view.rating) {
      parts.push(
        `<p class="gc-mailbox-rated">您的评价：<strong>${e(letterRatings[view.rating])}</strong>，感谢您的反馈。</p>`,
      );
    } else if (options.password !== undefined) {
      const errors = options.errors ?? {};
      parts.push(
        errorSummary(errors, (field) => `letter-${field}`),
        `<form class="gc-mailbox-form" method="post" action="${mailboxUrl('rate')}" accept-charset="utf-8">`,
        options.site ? `<input type="hidden" name="site" value="${e(options.site)}" />` : '',
        `<input type="hidden" name="code" value="${e(view.code)}" />`,
        `<input type="hidden" name="password" value="${e(options.password)}" />`,
        radios('rating', '您对答复是否满意', letterRatings, '', errors.rating),
        '<button type="submit" class="gc-mailbox-submit">提交评价</button>',
        '</form>',
      );
    }
  }
  return parts.join('');
}

/** The stylesheet of the mailbox's forms and pages (the sites inline it; the CMS's pages too). */
export const mailboxCss = `
.gc-mailbox-form{display:grid;gap:1.25rem;max-width:44rem}
.gc-mailbox-field{display:grid;gap:.375rem;border:0;margin:0;padding:0;min-width:0}
.gc-mailbox-field label,.gc-mailbox-field legend{font-weight:700}
.gc-mailbox-field legend{padding:0}
.gc-mailbox-field input[type=text],.gc-mailbox-field input[type=tel],.gc-mailbox-field input[type=email],.gc-mailbox-field input[type=password],.gc-mailbox-field textarea{font:inherit;width:100%;box-sizing:border-box;padding:.5rem .625rem;border:2px solid #555;border-radius:4px;background:#fff;color:#1f1f1f}
.gc-mailbox-field input:focus,.gc-mailbox-field textarea:focus,.gc-mailbox-submit:focus,.gc-mailbox-choice input:focus{outline:3px solid #ffbf47;outline-offset:2px}
.gc-mailbox-field--error{border-inline-start:4px solid #b3261e;padding-inline-start:.75rem}
.gc-mailbox-field--error input,.gc-mailbox-field--error textarea{border-color:#b3261e}
.gc-mailbox-error{color:#b3261e;font-weight:700;margin:0}
.gc-mailbox-hint{color:#555;margin:0}
.gc-mailbox-required,.gc-mailbox-optional{font-weight:400;color:#555}
.gc-mailbox-choices{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
.gc-mailbox-choice{display:flex;align-items:center;gap:.375rem;min-height:44px}
.gc-mailbox-choice input{font-size:inherit;width:1.375em;height:1.375em;margin:0;flex:none}
.gc-mailbox-choice label{font-weight:400}
.gc-mailbox-privacy{margin:0}
.gc-mailbox-status{margin:0}
.gc-mailbox-status:empty{margin-block-start:-1.25rem}
.gc-mailbox-submit{font:inherit;font-weight:700;justify-self:start;min-height:44px;padding:.5rem 1.5rem;border:0;border-radius:4px;background:#0b4f8a;color:#fff;cursor:pointer}
.gc-mailbox-errors{border:4px solid #b3261e;padding:1rem 1.25rem;margin-block-end:1.5rem;max-width:44rem}
.gc-mailbox-errors h2{margin-block-start:0;font-size:1.25em}
.gc-mailbox-errors a{color:#b3261e;font-weight:700}
.gc-mailbox-trap{position:absolute;inset-inline-start:-10000px;width:1px;height:1px;overflow:hidden}
.gc-mailbox-done{border:4px solid #1d6b3a;padding:1rem 1.25rem;max-width:44rem}
.gc-mailbox-code{display:grid;grid-template-columns:max-content 1fr;gap:.5rem 1rem;font-size:1.25em}
.gc-mailbox-code code{font-size:1.2em;font-weight:700;letter-spacing:.08em;overflow-wrap:anywhere}
@media (max-width:30rem){.gc-mailbox-code{grid-template-columns:1fr;gap:0 1rem}.gc-mailbox-code dd+dt{margin-block-start:.5rem}.gc-mailbox-code code{letter-spacing:.04em}}
.gc-mailbox-facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
.gc-mailbox-facts dd,.gc-mailbox-code dd{margin:0}
.gc-mailbox-steps{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}
.gc-mailbox-steps li{padding:.25rem .75rem;border:2px solid #d0d4da;border-radius:999px;color:#555}
.gc-mailbox-steps .gc-mailbox-step--done{border-color:#1d6b3a;color:#1d6b3a;font-weight:700}
.gc-mailbox-reply{border-inline-start:4px solid #0b4f8a;padding-inline-start:1rem}
.gc-mailbox-text,.gc-mailbox-reply{overflow-wrap:anywhere}
.gc-visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

/** What a page of the CMS shows around a form or a state (site name, title, links back). */
export interface MailboxPageOptions {
  title: string;
  siteName: string;
  /** The site's kind, which gives the header its colour as on the site (`gc-kind-<kind>`). */
  kind?: 'portal' | 'department' | 'township';
  homeUrl: string;
  /** The mailbox column of the site, linked under the title. */
  mailboxUrl?: string;
  /** HTML made by this module. */
  body: string;
}

/** The inline script that applies the elder-friendly mode chosen on the site (same origin, same key). */
export const elderModeScript =
  "try{if(localStorage.getItem('gc-elder')==='1')document.documentElement.classList.add('gc-elder')}catch(e){}";

/** A whole page for the CMS to answer with: the site's name, the title, the body, readable without JS. */
export function renderMailboxPage(options: MailboxPageOptions): string {
  return `<!doctype html>
<html lang="zh-CN" class="gc-kind-${options.kind ?? 'portal'}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="robots" content="noindex" />
<title>${e(options.title)} - ${e(options.siteName)}</title>
<script>${elderModeScript}</script>
<style>
html{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;line-height:1.75;color:#1f1f1f;background:#fff}
html.gc-elder{font-size:125%;line-height:2;letter-spacing:.05em}
body{margin:0}
.gc-mailbox-header{background:#a5121c;color:#fff;padding:1rem}
.gc-kind-department .gc-mailbox-header{background:#0b4f8a}
.gc-kind-township .gc-mailbox-header{background:#1d6b3a}
.gc-mailbox-header a{color:#fff;font-size:1.25em;font-weight:700;text-decoration:none}
main{max-width:48rem;margin:0 auto;padding:1rem}
a{color:#0b4f8a}
${mailboxCss}
</style>
</head>
<body>
<header class="gc-mailbox-header"><a href="${e(options.homeUrl)}">${e(options.siteName)}</a></header>
<main id="gc-main">
<h1>${e(options.title)}</h1>
${options.mailboxUrl ? `<p><a href="${e(options.mailboxUrl)}">返回信箱</a></p>` : ''}
${options.body}
</main>
</body>
</html>
`;
}
