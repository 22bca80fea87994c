// The Compare panel's page: renders a CompareView with DOM APIs only (textContent, never innerHTML), so article
// text cannot become markup; no inline handlers (the CSP forbids them). Runs in the webview, not in node.
import type { CompareRow, CompareView, PersonReview } from '../shared/compareModel';
import { PERSON_VERDICTS, type CompareState, type HostMessage, type WebviewMessage } from '../shared/protocol';
import { revealInvisible } from '../shared/escape';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): CompareState | undefined;
  setState(state: CompareState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;

const VERDICT_TITLES: Record<string, string> = { conflict: 'Conflict', variant: 'Variant', agree: 'Agree', single: 'Single source' };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  // Bidi overrides and zero-width characters from an article would reorder or hide what is read: shown as codes.
  if (text !== undefined) e.textContent = revealInvisible(text);
  return e;
}

function open(row: CompareRow): void {
  vscode.postMessage({ type: 'open', article: row.article, start: row.start, end: row.end });
}

/** The claim whose controls were used last: focus returns there when the view comes back with the change. */
let lastReviewed: string | undefined;

/** "Your verdict" and "Your note" as a person gave them (sidecars), beside the engine's reading. */
function yours(review: PersonReview | undefined, notes: readonly string[] = [], what = 'Your verdict: '): HTMLElement | undefined {
  if (!review?.verdict && !review?.note && notes.length === 0) return undefined;
  const box = el('div', 'yours');
  if (review?.verdict) {
    const p = el('p', 'your-verdict', what);
    p.append(el('span', `badge person-${review.verdict}`, review.verdict));
    box.append(p);
  }
  for (const note of [...(review?.note ? [review.note] : []), ...notes]) box.append(el('p', 'your-note', note));
  return box;
}

/** A verdict menu and a note button for one claim. They post only the claim's id: the host does the rest. */
function reviewControls(row: CompareRow): HTMLElement {
  const box = el('div', 'review');
  const select = el('select');
  select.setAttribute('aria-label', revealInvisible(`Your verdict on ${row.source}'s claim`));
  const none = el('option', undefined, row.review?.verdict ? 'clear your verdict' : 'your verdict\u2026');
  none.value = '';
  select.append(none);
  for (const v of PERSON_VERDICTS) {
    const o = el('option', undefined, v);
    o.value = v;
    o.selected = row.review?.verdict === v;
    select.append(o);
  }
  select.addEventListener('change', () => {
    lastReviewed = row.claim;
    const v = PERSON_VERDICTS.find((x) => x === select.value) ?? null;
    vscode.postMessage({ type: 'setVerdict', claim: row.claim, verdict: v });
  });
  const note = el('button', 'note', row.review?.note ? 'Edit your note\u2026' : 'Add a note\u2026');
  note.type = 'button';
  note.addEventListener('click', () => {
    lastReviewed = row.claim;
    vscode.postMessage({ type: 'editNote', claim: row.claim });
  });
  // The row opens its source on click and Enter: the controls inside it must not.
  for (const c of [select, note]) {
    c.addEventListener('click', (e) => e.stopPropagation());
    c.addEventListener('keydown', (e) => e.stopPropagation());
  }
  box.append(select, note);
  return box;
}

function renderRow(row: CompareRow, view: CompareView): HTMLElement {
  const li = el('li', `row${row.current ? ' current' : ''}${row.differsFrom.length > 0 ? ' differs' : ''}`);
  li.tabIndex = 0;
  li.setAttribute('role', 'button');
  li.setAttribute('aria-label', revealInvisible(`${row.source}: ${row.value}. Press Enter to open this source.`));
  li.dataset.claim = row.claim;

  const head = el('div', 'source');
  head.append(el('span', 'file', row.source), el('span', 'title', row.title));
  const sentence = el('p', 'sentence');
  sentence.append(document.createTextNode(revealInvisible(row.before)), el('mark', `value verdict-${view.verdict}`, row.words), document.createTextNode(revealInvisible(row.after)));
  const facts = el('dl', 'facts');
  const add = (term: string, value: string | undefined) => {
    if (!value) return;
    facts.append(el('dt', undefined, term), el('dd', undefined, value));
  };
  add('Value', row.value);
  add('Attribution', row.attribution ?? 'not attributed');
  add('Hedge', row.hedge);
  add('Same as', row.sameAs.join(', '));
  add('Differs from', row.differsFrom.join(', '));
  li.append(head, sentence, facts);
  const mine = yours(row.review, row.notes);
  if (mine) li.append(mine);
  li.append(reviewControls(row));
  li.addEventListener('click', () => open(row));
  li.addEventListener('keydown', (e) => {
    const rows = [...app.querySelectorAll<HTMLElement>('li.row')];
    const i = rows.indexOf(li);
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(row);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      rows[Math.max(0, Math.min(rows.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      rows[e.key === 'Home' ? 0 : rows.length - 1]?.focus();
    }
  });
  return li;
}

function render(view: CompareView): void {
  const header = el('header');
  const h1 = el('h1', undefined, view.label);
  const badge = el('span', `badge verdict-${view.verdict}`, VERDICT_TITLES[view.verdict] ?? view.verdict);
  header.append(badge, h1, el('p', 'reason', view.reason));
  const mine = yours(view.review, [], 'Your verdict on this fact: ');
  if (mine) header.append(mine);
  const list = el('ol', 'rows');
  list.setAttribute('aria-label', `${view.rows.length} sources`);
  for (const row of view.rows) list.append(renderRow(row, view));
  const parts: HTMLElement[] = [header, list];
  if (view.silent.length > 0) parts.push(el('p', 'silent', `Not mentioned by: ${view.silent.join(', ')}`));
  parts.push(el('p', 'hint', 'Enter or click opens a source; arrow keys move between sources.'));
  app.replaceChildren(...parts);
  const reviewed = lastReviewed && [...app.querySelectorAll<HTMLElement>('li.row')].find((r) => r.dataset.claim === lastReviewed);
  if (reviewed) reviewed.querySelector<HTMLElement>('select')?.focus();
  else (app.querySelector<HTMLElement>('li.row.current') ?? app.querySelector<HTMLElement>('li.row'))?.focus();
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const m = event.data;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'show') {
    vscode.setState(m.state);
    render(m.view);
  } else if (m.type === 'pending') {
    app.replaceChildren(el('p', 'pending', m.message));
  }
});

vscode.postMessage({ type: 'ready' });
