// Messages between the extension and the Compare panel's webview. No vscode and no DOM here: both sides import it.
import type { CompareView } from './compareModel';

export type HostMessage =
  | { type: 'show'; view: CompareView; state: CompareState }
  | { type: 'pending'; message: string };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'open'; article: string; start: number; end: number };

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
  if (t !== 'open') return false;
  const o = m as Record<string, unknown>;
  return typeof o.article === 'string' && Number.isInteger(o.start) && Number.isInteger(o.end);
}
