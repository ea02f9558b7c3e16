/**
 * The letter form of the mailbox (领导信箱 / 市民心声, docs/adr/0023-mailbox.md): its fields, limits,
 * kinds and the server's validation with a reason per field in Chinese. The CMS validates with this
 * module and the sites render the form from it, so a field, a limit or a message exists once.
 * Pure and browser-safe.
 * @module
 */

/** The kinds of letter a writer chooses (来信类型), with their labels. */
export const letterKinds = {
  consult: '咨询',
  complaint: '投诉',
  suggestion: '建议',
  help: '求助',
} as const;

/** A kind of letter. */
export type LetterKind = keyof typeof letterKinds;

/** Upper limits, in characters (the body of a request is limited in bytes by the CMS as well). */
export const letterLimits = {
  subject: 60,
  text: 3000,
  name: 30,
  phone: 20,
  email: 100,
  idNumber: 18,
  /** The tracking code and the query password as typed. */
  code: 40,
  password: 40,
} as const;

/** The fields of the letter form, in the order the form shows them. */
export const letterFields = [
  'kind',
  'subject',
  'text',
  'name',
  'phone',
  'email',
  'idNumber',
  'mayPublish',
] as const;

/** A field of the letter form. */
export type LetterField = (typeof letterFields)[number];

/** Labels of the form's fields (zh-CN: the mailbox is a Chinese-language service). */
export const letterFieldLabels: Record<LetterField | 'code' | 'password' | 'rating', string> = {
  kind: '来信类型',
  subject: '信件标题',
  text: '信件内容',
  name: '姓名',
  phone: '联系电话',
  email: '电子邮箱',
  idNumber: '身份证号码',
  mayPublish: '是否同意公开',
  code: '查询编号',
  password: '查询密码',
  rating: '满意度评价',
};

/** The name of the honeypot field: hidden from people, filled by naive robots. */
export const honeypotField = 'website';

/** What the form carries besides the letter: the site, the challenge and its solution. */
export const letterFormExtras = ['site', 'challenge', 'solution', honeypotField] as const;

/** A letter as validated: trimmed text, the kind, the consent to publication. */
export interface LetterInput {
  kind: LetterKind;
  subject: string;
  text: string;
  name: string;
  phone: string;
  email: string | null;
  idNumber: string | null;
  mayPublish: boolean;
}

/** A validation result: the letter, or a reason per field. */
export type LetterValidation =
  | { ok: true; letter: LetterInput }
  | { ok: false; errors: Partial<Record<LetterField, string>> };

/** Mobile numbers and landlines as people type them: digits, an optional +86, hyphens and spaces. */
const phonePattern = /^(?:\+?86[ -]?)?(?:1[3-9]\d{9}|0\d{2,3}[ -]?\d{7,8})$/;
const emailPattern = /^[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+$/;
const idPattern = /^\d{17}[\dX]$/;

/**
 * Whether text holds what no person types: control characters other than tab and line breaks, U+FFFD
 * (what a broken encoding decodes to) or a lone surrogate.
 */
function unreadable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (
      (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) ||
      unit === 0x7f ||
      unit === 0xfffd
    ) {
      return true;
    }
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (!(low >= 0xdc00 && low <= 0xdfff)) return true;
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return true;
  }
  return false;
}

/** The value of a form field as one string, or undefined when it is absent or not text. */
function one(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Length in characters (code points), as a person counts them. */
export function charCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The ID number's check digit is right (GB 11643-1999). */
export function idChecksumOk(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const checks = '10X98765432';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (weights[i] as number);
  return checks[sum % 11] === id[17];
}

/**
 * Checks a submitted letter: every field is text of the right length and form. Never throws, whatever
 * the input (arrays, objects, numbers, broken text).
 * @example validateLetter({ kind: 'consult', subject: '路灯不亮', text: '……', name: '陈女士', phone: '13800138000', mayPublish: 'yes' })
 */
export function validateLetter(input: unknown): LetterValidation {
  const form = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const errors: Partial<Record<LetterField, string>> = {};
  const text = (field: LetterField, required: boolean): string | null => {
    const raw = form[field];
    const value = one(raw);
    if (raw !== undefined && raw !== null && value === undefined) {
      errors[field] = `${letterFieldLabels[field]}格式不正确`;
      return null;
    }
    const trimmed = (value ?? '').replace(/\r\n?/g, '\n').trim();
    if (trimmed === '') {
      if (required) errors[field] = `请填写${letterFieldLabels[field]}`;
      return null;
    }
    if (unreadable(trimmed)) {
      errors[field] = `${letterFieldLabels[field]}含有无法识别的字符，请检查后重新填写`;
      return null;
    }
    const limit = letterLimits[field as keyof typeof letterLimits];
    if (limit !== undefined && charCount(trimmed) > limit) {
      errors[field] = `${letterFieldLabels[field]}不能超过${limit}个字（现有${charCount(trimmed)}个字）`;
      return null;
    }
    return trimmed;
  };
  const kindValue = one(form.kind);
  const kind = kindValue && Object.hasOwn(letterKinds, kindValue) ? (kindValue as LetterKind) : null;
  if (!kind) errors.kind = '请选择来信类型（咨询、投诉、建议或求助）';
  const subject = text('subject', true);
  if (subject !== null && charCount(subject) < 4) errors.subject = '信件标题至少需要4个字';
  if (subject?.includes('\n')) errors.subject = '信件标题不能换行';
  const body = text('text', true);
  if (body !== null && charCount(body) < 10) errors.text = '信件内容至少需要10个字，请把事情说清楚';
  const name = text('name', true);
  const phone = text('phone', true);
  if (phone !== null && !phonePattern.test(phone)) {
    errors.phone = '联系电话格式不正确，请填写手机号码（如13800138000）或带区号的固定电话（如0871-63123456）';
  }
  const email = text('email', false);
  if (email !== null && !emailPattern.test(email)) errors.email = '电子邮箱格式不正确，如 name@example.com';
  const idRaw = text('idNumber', false);
  const idNumber = idRaw === null ? null : idRaw.toUpperCase();
  if (idNumber !== null && (!idPattern.test(idNumber) || !idChecksumOk(idNumber))) {
    errors.idNumber = '身份证号码应为18位且校验位正确；不愿填写可以留空';
  }
  const consent = one(form.mayPublish);
  let mayPublish = false;
  if (consent === 'yes' || consent === 'true') mayPublish = true;
  else if (consent === 'no' || consent === 'false') mayPublish = false;
  else errors.mayPublish = '请选择是否同意公开您的来信和答复（公开时不含您的个人信息）';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    letter: {
      kind: kind as LetterKind,
      subject: subject as string,
      text: body as string,
      name: name as string,
      phone: (phone as string).replace(/[ -]/g, ''),
      email,
      idNumber,
      mayPublish,
    },
  };
}

/** The handling states the writer sees (办理状态), including 已公开 (the reply is on the site). */
export const trackedStatuses = {
  received: '已受理',
  processing: '办理中',
  replied: '已答复',
  published: '已公开',
} as const;

/** A state the writer sees. */
export type TrackedStatus = keyof typeof trackedStatuses;

/** The writer's ratings of a reply (满意度). */
export const letterRatings = {
  satisfied: '满意',
  fair: '基本满意',
  dissatisfied: '不满意',
} as const;

/** A rating of a reply. */
export type LetterRating = keyof typeof letterRatings;

/**
 * A site's mailbox column (信箱栏目): its first column of type `interaction` by order, or undefined when
 * the site has none (then it has no mailbox). Its name is the mailbox's name (市长信箱, 主任信箱…), as
 * the registry holds it.
 * @example mailboxColumn([{ slug: 'letters', type: 'interaction', order: 6 }])?.slug // 'letters'
 */
export function mailboxColumn<C extends { type: string; order: number }>(
  columns: readonly C[],
): C | undefined {
  return [...columns].filter((column) => column.type === 'interaction').sort((a, b) => a.order - b.order)[0];
}
