/**
 * The mailbox (领导信箱 / 市民心声): the letter form, its validation, the proof of work and the pages the
 * CMS answers with (docs/adr/0023-mailbox.md).
 * @module
 */
export * from './challenge.ts';
export * from './deadlines.ts';
export * from './form.ts';
export * from './form-html.ts';
export * from './page-html.ts';
export * from './statistics.ts';
