// Text from articles, sidecars and file names reaches a terminal through the CLI's summary and warnings.
// Escape sequences in it (ESC, the 8-bit CSI, other controls) could recolour, retitle or rewrite the screen,
// and bidi overrides could make one value read as another; they are shown as visible codes instead.
import { Writable } from 'node:stream';

// C0 controls except tab and line feed, DEL, C1 controls, bidi embeddings/overrides/isolates and marks, and
// zero-width characters (which hide that two names differ).
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export function forTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** A stream that passes everything through forTerminal: for stderr, which only ever carries messages. */
export function terminalSafe(stream: NodeJS.WritableStream): NodeJS.WritableStream {
  return new Writable({
    write(chunk, _encoding, done) {
      stream.write(forTerminal(String(chunk)));
      done();
    },
  });
}
