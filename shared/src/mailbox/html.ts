/**
 * The HTML of the mailbox: the letter form, the tracking form, the confirmation and the status of a
 * letter. The sites render the empty forms into their static pages; the CMS renders the same forms with
 * what was typed and the reasons when a form was sent without JavaScript, and the pages that show a
 * tracking code or a letter's state. Everything typed is escaped here, once. Pure and browser-safe.
 * @module
 */
import { escapeHtml } from '../text/escape.ts';
import {
  honeypotField,
  type LetterField,
  type LetterRating,
  letterFieldLabels,
  letterKinds,
  letterLimits,
  letterRatings,
  type TrackedStatus,
  trackedStatuses,
} from './form.ts';

/** Where the mailbox endpoints are on a cluster's own origin (proxied to the CMS's `/api/mailbox/`). */
export const mailboxPublicPath = '/mailbox/';

/** The endpoints under {@link mailboxPublicPath}. */
export const mailboxEndpoints = {
  challenge: 'challenge',
  letters: 'letters',
  done: 'letters/done',
  track: 'track',
  rate: 'rate',
} as const;

/** The public URL of an endpoint. */
export function mailboxUrl(endpoint: keyof typeof mailboxEndpoints): string {
  return `${mailboxPublicPath}${mailboxEndpoints[endpoint]}`;
}

/** Reasons per field, and one for the whole form (`form`). */
export type FormErrors = Partial<Record<LetterField | 'form' | 'code' | 'password' | 'rating', string>>;

const e = escapeHtml;

/** The error summary: announced, focused on load (`autofocus`), each reason linked to its field. */
function errorSummary(errors: FormErrors, idOf: (field: string) => string): string {
  const entries = Object.entries(errors).filter(([, message]) => message);
  if (entries.length === 0) return '';
  const items = entries
    .map(([field, message]) =>
      field === 'form'
        ? `<li>${e(message as string)}</li>`
        : `<li><a href="#${idOf(field)}">${e(message as string)}</a></li>`,
    )
    .join('');
  return `<div class="gc-mailbox-errors" id="gc-mailbox-errors" role="alert" tabindex="-1" autofocus><h2>提交未成功，请修改以下${entries.length}处</h2><ul>${items}</ul></div>`;
}

/** One field's error paragraph and the `aria-describedby` / `aria-invalid` it needs. */
function fieldError(id: string, message: string | undefined, hint?: string) {
  const described = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    attrs: `${described ? ` aria-describedby="${described}"` : ''}${message ? ' aria-invalid="true"' : ''}`,
    hint: hint ? `<p class="gc-mailbox-hint" id="${id}-hint">${e(hint)}</p>` : '',
    error: message
      ? `<p class="gc-mailbox-error" id="${id}-error"><span class="gc-visually-hidden">错误：</span>${e(message)}</p>`
      : '',
  };
}

/** A text input or textarea with its label, hint and error. */
function textField(
  field: string,
  options: {
    label: string;
    value: string;
    error?: string;
    hint?: string;
    required: boolean;
    type?: string;
    autocomplete?: string;
    inputmode?: string;
    maxlength: number;
    multiline?: boolean;
  },
): string {
  const id = `letter-${field}`;
  const err = fieldError(id, options.error, options.hint);
  const mark = options.required
    ? '<span class="gc-mailbox-required">（必填）</span>'
    : '<span class="gc-mailbox-optional">（选填）</span>';
  const common = `id="${id}" name="${field}"${options.required ? ' required' : ''}${err.attrs}`;
  const control = options.multiline
    ? `<textarea ${common} rows="10" maxlength="${options.maxlength}">${e(options.value)}</textarea>`
    : `<input ${common} type="${options.type ?? 'text'}" value="${e(options.value)}" maxlength="${options.maxlength}"${options.autocomplete ? ` autocomplete="${options.autocomplete}"` : ''}${options.inputmode ? ` inputmode="${options.inputmode}"` : ''} />`;
  return `<div class="gc-mailbox-field${options.error ? ' gc-mailbox-field--error' : ''}"><label for="${id}">${e(options.label)}${mark}</label>${err.hint}${err.error}${control}</div>`;
}

/** A group of radio buttons in a fieldset. */
function radios(
  field: string,
  legend: string,
  choices: Record<string, string>,
  value: string,
  error: string | undefined,
  hint?: string,
): string {
  const id = `letter-${field}`;
  const err = fieldError(id, error, hint);
  const items = Object.entries(choices)
    .map(
      ([key, label], index) =>
        `<div class="gc-mailbox-choice"><input type="radio" name="${field}" id="${index === 0 ? id : `${id}-${key}`}" value="${e(key)}"${value === key ? ' checked' : ''}${index === 0 ? ' required' : ''}${err.attrs} /><label for="${index === 0 ? id : `${id}-${key}`}">${e(label)}</label></div>`,
    )
    .join('');
  return `<fieldset class="gc-mailbox-field${error ? ' gc-mailbox-field--error' : ''}"><legend>${e(legend)}<span class="gc-mailbox-required">（必选）</span></legend>${err.hint}${err.error}<div class="gc-mailbox-choices">${items}</div></fieldset>`;
}

/** What the letter form shows. */
export interface LetterFormOptions {
  /** The site's id, sent with the letter. */
  site: string;
  /** The mailbox the letter goes to (市长信箱, 局长信箱…). */
  mailbox: string;
  /** What was typed (re-shown after an error), by field name. */
  values?: Partial<Record<string, string>>;
  errors?: FormErrors;
}

/**
 * The letter form (我要写信). It posts to the mailbox endpoint as a plain form; the page's script adds
 * the proof of work, and without it the letter is accepted under stricter limits.
 */
export function renderLetterForm(options: LetterFormOptions): string {
  const values = options.values ?? {};
  const errors = options.errors ?? {};
  const v = (field: string) => values[field] ?? '';
  return [
    errorSummary(errors, (field) => `letter-${field}`),
    `<form class="gc-mailbox-form" method="post" action="${mailboxUrl('letters')}" accept-charset="utf-8" novalidate data-gc-mailbox="letter">`,
    `<p class="gc-mailbox-to">收信：<strong>${e(options.mailbox)}</strong></p>`,
    `<input type="hidden" name="site" value="${e(options.site)}" />`,
    '<input type="hidden" name="challenge" value="" />',
    '<input type="hidden" name="solution" value="" />',
    `<div class="gc-mailbox-trap" aria-hidden="true"><label for="letter-${honeypotField}">请勿填写此项</label><input type="text" id="letter-${honeypotField}" name="${honeypotField}" value="" tabindex="-1" autocomplete="off" /></div>`,
    radios('kind', letterFieldLabels.kind, letterKinds, v('kind'), errors.kind),
    textField('subject', {
      label: letterFieldLabels.subject,
      value: v('subject'),
      error: errors.subject,
      hint: `4至${letterLimits.subject}个字`,
      required: true,
      maxlength: letterLimits.subject,
    }),
    textField('text', {
      label: letterFieldLabels.text,
      value: v('text'),
      error: errors.text,
      hint: `请写明事情经过、地点和诉求，10至${letterLimits.text}个字。请勿在内容中填写个人信息。`,
      required: true,
      maxlength: letterLimits.text,
      multiline: true,
    }),
    textField('name', {
      label: letterFieldLabels.name,
      value: v('name'),
      error: errors.name,
      required: true,
      autocomplete: 'name',
      maxlength: letterLimits.name,
    }),
    textField('phone', {
      label: letterFieldLabels.phone,
      value: v('phone'),
      error: errors.phone,
      hint: '手机号码或带区号的固定电话，仅用于办理单位与您联系',
      required: true,
      type: 'tel',
      autocomplete: 'tel',
      inputmode: 'tel',
      maxlength: letterLimits.phone,
    }),
    textField('email', {
      label: letterFieldLabels.email,
      value: v('email'),
      error: errors.email,
      required: false,
      type: 'email',
      autocomplete: 'email',
      maxlength: letterLimits.email,
    }),
    textField('idNumber', {
      label: letterFieldLabels.idNumber,
      value: v('idNumber'),
      error: errors.idNumber,
      hint: '选填。投诉、求助类事项填写后便于核实办理',
      required: false,
      maxlength: letterLimits.idNumber,
    }),
    radios(
      'mayPublish',
      letterFieldLabels.mayPublish,
      { yes: '同意公开（公开时不含姓名、电话等个人信息）', no: '不同意公开' },
      v('mayPublish'),
      errors.mayPublish,
    ),
    '<p class="gc-mailbox-privacy">您的姓名、联系电话、电子邮箱和身份证号码加密保存，只有网站管理部门和承办单位可以查看，不会在网站上公开。</p>',
    '<p class="gc-mailbox-status" role="status" aria-live="polite" data-gc-mailbox-status></p>',
    '<button type="submit" class="gc-mailbox-submit">提交信件</button>',
    '</form>',
  ].join('');
}

/** The tracking form (信件查询): code and password. */
export function renderTrackForm(
  options: { site?: string; values?: Partial<Record<string, string>>; errors?: FormErrors } = {},
): string {
  const values = options.values ?? {};
  const errors = options.errors ?? {};
  return [
    errorSummary(errors, (field) => `letter-${field}`),
    `<form class="gc-mailbox-form" method="post" action="${mailboxUrl('track')}" accept-charset="utf-8" novalidate>`,
    options.site ? `<input type="hidden" name="site" value="${e(options.site)}" />` : '',
    textField('code', {
      label: letterFieldLabels.code,
      value: values.code ?? '',
      error: errors.code,
      hint: '提交信件时得到的编号，如 20261206-K7M2QX',
      required: true,
      autocomplete: 'off',
      maxlength: letterLimits.code,
    }),
    textField('password', {
      label: letterFieldLabels.password,
      value: '',
      error: errors.password,
      required: true,
      type: 'password',
      autocomplete: 'off',
      maxlength: letterLimits.password,
    }),
    '<button type="submit" class="gc-mailbox-submit">查询</button>',
    '</form>',
  ].join('');
}

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
