// Article and sidecar text is untrusted: it reaches hovers (markdown), tree labels and the Compare panel (HTML).
// These helpers turn any such text into inert text for each target. Hand-written because the rules are small
// and the markdown one must match what VS Code's renderer (marked, CommonMark + GFM) treats as syntax.

/**
 * Characters that can reorder or hide text (bidi overrides/isolates, zero-width characters): shown as a
 * visible code so a crafted article cannot make one value look like another ("Trojan Source").
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export function revealInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\u2039U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}\u203A`);
}

/** Other control characters (but not tab/newline) would break a one-line label. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** One line of plain text: newlines and runs of white space become single spaces, controls are dropped. */
export function oneLine(text: string): string {
  return revealInvisible(text.replace(CONTROLS, '')).replace(/\s+/g, ' ').trim();
}

/**
 * Escapes text for inclusion in markdown so that it renders literally: every ASCII punctuation character is
 * backslash-escaped (CommonMark allows escaping all of them), which stops links, images, emphasis, code
 * spans, HTML, entities (`&amp;` stays literal), table cell breaks (`|`) and GFM autolinks (`:` `/` `.`).
 * The result is one line; use it for every piece of article text placed in a MarkdownString.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return revealInvisible(text).replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Text for a notification (showErrorMessage and the like): VS Code turns `[label](command:id)` in a non-modal
 * notification into a link that runs the command, so file and sidecar text there could offer one. A space
 * between `]` and `(` leaves the text readable and no longer a link.
 */
export function plainMessage(text: string): string {
  return oneLine(text).replace(/\]\s*\(/g, '] (');
}

/** Shortens one-line text to at most `max` characters, cutting at a word boundary when one is near. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…';
}
