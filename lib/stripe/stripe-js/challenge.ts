import type { StandInMessages } from './messages';
import { injectStyles } from './styles';

export type ChallengeOutcome = 'approve' | 'fail';

export interface ChallengeFacts {
  /** e.g. "Visa •••• 3155" */
  card?: string;
  /** e.g. "$12.00", already formatted */
  amount?: string;
}

/**
 * The test 3D Secure page, as Stripe shows for its test cards: a modal dialog whose two buttons
 * decide how authentication ends. Escape or closing the dialog counts as a failure, like abandoning it.
 */
export function showChallenge(
  messages: StandInMessages,
  facts: ChallengeFacts = {},
): Promise<ChallengeOutcome> {
  injectStyles(document);
  const dialog = document.createElement('dialog');
  dialog.className = 'aisle-sjs aisle-sjs-dialog';
  dialog.dataset.aisleStripeChallenge = '';
  const id = `aisle-sjs-challenge-${Date.now().toString(36)}`;
  dialog.setAttribute('aria-labelledby', `${id}-title`);
  dialog.setAttribute('aria-describedby', `${id}-body`);

  const body = document.createElement('div');
  body.className = 'aisle-sjs-dialog-body';
  const title = document.createElement('h2');
  title.id = `${id}-title`;
  title.textContent = messages.challengeTitle;
  const text = document.createElement('p');
  text.id = `${id}-body`;
  text.textContent = messages.challengeBody;
  body.append(title, text);

  const factLine = [facts.card, facts.amount].filter(Boolean);
  if (factLine.length) {
    const line = document.createElement('div');
    line.className = 'aisle-sjs-dialog-facts';
    for (const fact of factLine) {
      const span = document.createElement('span');
      span.textContent = fact ?? '';
      line.appendChild(span);
    }
    body.appendChild(line);
  }

  const actions = document.createElement('div');
  actions.className = 'aisle-sjs-dialog-actions';
  const approve = button(messages.challengeApprove, true);
  const fail = button(messages.challengeFail, false);
  actions.append(approve, fail);
  body.appendChild(actions);
  dialog.appendChild(body);
  document.body.appendChild(dialog);

  const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: ChallengeOutcome) => {
      if (settled) return;
      settled = true;
      if (dialog.open) dialog.close();
      dialog.remove();
      previouslyFocused?.focus();
      resolve(outcome);
    };
    approve.addEventListener('click', () => finish('approve'));
    fail.addEventListener('click', () => finish('fail'));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish('fail');
    });
    dialog.showModal();
    approve.focus();
  });
}

function button(label: string, primary: boolean): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = `aisle-sjs-button${primary ? ' aisle-sjs-button-primary' : ''}`;
  element.textContent = label;
  return element;
}
