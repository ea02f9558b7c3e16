/**
 * The mailbox's forms as HTML: the letter form (我要写信) and the tracking form (信件查询), with the
 * reasons per field when a form comes back, and where they post. The sites render them empty into their
 * static pages; the CMS renders them again with what was typed when a form was sent without
 * JavaScript. Everything typed is escaped here, once. Pure and browser-safe.
 * @module
 */
import { escapeHtml } from '../text/escape.ts';
import { honeypotField, type LetterField, letterFieldLabels, letterKinds, letterLimits } from './form.ts';

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
export function errorSummary(errors: FormErrors, idOf: (field: string) => string): string {
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
export function radios(
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
