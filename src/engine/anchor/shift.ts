// Moves a range through a text edit, for annotations in an open editor (VS Code has no API that tracks a
// range through edits). Typing at a boundary does not grow the annotation; an edit that touches its inside
// becomes part of it; an edit that replaces all of it leaves an empty range, which the caller re-anchors.
import type { Span } from '../model';

export interface TextEdit {
  /** Offsets into the text before the edit (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** The replacement text's length (or the text itself). */
  text: string | number;
}

export function shiftRange(range: Span, edit: TextEdit): Span {
  const inserted = typeof edit.text === 'number' ? edit.text : edit.text.length;
  const delta = inserted - (edit.end - edit.start);
  const { start, end } = range;
  if (edit.end <= start && !(edit.start === edit.end && edit.start === start && start === end)) {
    // Entirely before (an insertion exactly at the start stays outside).
    return { start: start + delta, end: end + delta };
  }
  if (edit.start >= end) return { start, end };
  if (edit.start <= start && edit.end >= end) {
    // The whole annotated text was replaced: nothing of it is left to point at.
    return { start: edit.start + inserted, end: edit.start + inserted };
  }
  const newStart = edit.start < start ? edit.start : start;
  const newEnd = edit.end > end ? edit.start + inserted : end + delta;
  return { start: newStart, end: Math.max(newStart, newEnd) };
}

/**
 * Applies several edits described against the same original text (as a VS Code change event lists them),
 * latest first so earlier offsets stay valid.
 */
export function shiftRangeThroughEdits(range: Span, edits: readonly TextEdit[]): Span {
  let r = range;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) r = shiftRange(r, e);
  return r;
}
