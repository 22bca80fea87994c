// The Explorer's file-nesting patterns that put each article's sidecar (000_x.txt → 000_x.crosscheck.yaml)
// under the article. Pure, so the merge with a person's own patterns is unit-tested.
import { SIDECAR_SUFFIX } from '../engine/sidecar/schema';

export { SIDECAR_SUFFIX };

/** Article file patterns that get a nesting rule (the default crosscheck.articles.include is *.{txt,md}). */
export const NESTED_ARTICLE_PATTERNS = ['*.txt', '*.md'] as const;
export const NESTED_SIDECAR = `\${capture}${SIDECAR_SUFFIX}`;

function children(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** True when some article pattern does not nest its sidecar yet. */
export function needsNesting(patterns: Readonly<Record<string, string>>): boolean {
  return NESTED_ARTICLE_PATTERNS.some((p) => !children(patterns[p]).includes(NESTED_SIDECAR));
}

/** `patterns` with the sidecar added to each article pattern, keeping every pattern and child already there. */
export function nestingPatterns(patterns: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = { ...patterns };
  for (const p of NESTED_ARTICLE_PATTERNS) {
    const kids = children(out[p]);
    if (!kids.includes(NESTED_SIDECAR)) out[p] = [...kids, NESTED_SIDECAR].join(', ');
  }
  return out;
}
