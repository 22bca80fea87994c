// Turns the bytes of a file into article text, or says why it cannot be read as one.

export type Decoded =
  | { ok: true; text: string; warning?: string }
  | { ok: false; reason: string };

const SNIFF_BYTES = 8192;

/**
 * Files larger than this are skipped with a warning, by the CLI and the extension alike. The longest published
 * news pieces are a few hundred KB; a bigger .txt in a workspace is a log or a data dump, and analysing it
 * (about 2.4 s of CPU per MB) would only stall the views. It still admits a 1 MB single-line article.
 */
export const MAX_ARTICLE_BYTES = 4 * 1024 * 1024;

export function decodeArticleBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  // UTF-16 with a byte-order mark is common in files saved by Windows tools; decode it rather than call it binary.
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  }
  const sniff = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES));
  let controls = 0;
  for (const b of sniff) {
    if (b === 0) return { ok: false, reason: 'it looks like a binary file (it contains NUL bytes)' };
    if (b < 0x09 || (b > 0x0d && b < 0x20)) controls++;
  }
  if (controls > sniff.length * 0.1) return { ok: false, reason: 'it looks like a binary file (too many control characters)' };
  let text: string;
  let warning: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
    const bad = firstInvalidUtf8(bytes);
    warning = `invalid UTF-8 at byte ${bad}; undecodable bytes are shown as \uFFFD`;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return warning ? { ok: true, text, warning } : { ok: true, text };
}

// TextDecoder does not say where decoding failed; this walks the UTF-8 sequences to tell the user.
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return i;
}
