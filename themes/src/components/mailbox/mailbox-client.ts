/**
 * The letter form's script (docs/adr/0023-mailbox.md): on submit, fetches a challenge from the mailbox
 * endpoint, solves it (a second or less), fills the hidden fields and sends the form as it is, so the
 * CMS answers the same pages as without JavaScript. When the challenge cannot be had, the form is sent
 * without it and the CMS applies its stricter limits.
 */
import { mailboxUrl, solveChallenge } from '@govcluster/shared/mailbox';

/** Adds the proof of work to a letter form. */
export function mountLetterForm(form: HTMLFormElement): void {
  const status = form.querySelector<HTMLElement>('[data-gc-mailbox-status]');
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
  const challenge = form.elements.namedItem('challenge') as HTMLInputElement | null;
  const solution = form.elements.namedItem('solution') as HTMLInputElement | null;
  let sending = false;
  form.addEventListener('submit', async (event) => {
    if (!challenge || !solution || challenge.value !== '') return;
    event.preventDefault();
    if (sending) return;
    sending = true;
    if (button) button.disabled = true;
    if (status) status.textContent = '正在进行安全验证，请稍候…';
    try {
      const answer = await fetch(mailboxUrl('challenge'), { headers: { accept: 'application/json' } });
      if (answer.ok) {
        const { token } = (await answer.json()) as { token: string };
        solution.value = await solveChallenge(token);
        challenge.value = token;
      }
    } catch {
      // No challenge: the letter goes without one, under the stricter limits.
    }
    if (status) status.textContent = '正在提交…';
    form.submit();
  });
}
