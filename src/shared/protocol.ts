// Messages between the extension and the Compare panel's webview. No vscode and no DOM here: both sides import it.
import type { CompareView } from './compareModel';
import type { TruthVerdict } from '../engine/model';

/** The verdicts a person can give (the same list as the sidecar schema's). */
export const PERSON_VERDICTS: readonly TruthVerdict[] = ['verified', 'disputed', 'false', 'unverified'];

export type HostMessage =
  | { type: 'show'; view: CompareView; state: CompareState }
  | { type: 'pending'; message: string };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'open'; article: string; start: number; end: number }
  /** The person's verdict on a row's claim (null clears it). The host acts only on a claim its view shows. */
  | { type: 'setVerdict'; claim: string; verdict: TruthVerdict | null }
  /** Asks the host to edit the person's note on a row's claim (the host asks for the text itself). */
  | { type: 'editNote'; claim: string };

/** What the webview keeps with vscode.setState, so the panel can be restored after a reload. */
export interface CompareState {
  fact?: string;
  article?: string;
  offset?: number;
}

export function isWebviewMessage(m: unknown): m is WebviewMessage {
  if (!m || typeof m !== 'object') return false;
  const t = (m as { type?: unknown }).type;
  if (t === 'ready') return true;
  const o = m as Record<string, unknown>;
  const claimId = typeof o.claim === 'string' && o.claim.length > 0 && o.claim.length <= 1000;
  if (t === 'setVerdict') return claimId && (o.verdict === null || (PERSON_VERDICTS as readonly unknown[]).includes(o.verdict));
  if (t === 'editNote') return claimId;
  if (t !== 'open') return false;
  return typeof o.article === 'string' && Number.isInteger(o.start) && Number.isInteger(o.end);
}
