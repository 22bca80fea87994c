// The human-readable summary printed by `crosscheck analyze`.
import type { Analysis } from '../engine/model';

export function formatSummary(a: Analysis): string {
  const lines: string[] = [];
  lines.push(`${a.articles.length} article${a.articles.length === 1 ? '' : 's'}, ${a.entities.length} entities, ${a.facts.length} facts`);
  lines.push('');
  lines.push('Articles');
  for (const art of a.articles) lines.push(`  ${art.id}  ${art.title}`);
  const byType = new Map<string, typeof a.entities>();
  for (const e of a.entities) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);
  for (const [type, list] of byType) {
    lines.push('');
    lines.push(`${type[0].toUpperCase()}${type.slice(1)}s`);
    for (const e of list) {
      lines.push(`  ${e.name}  (${e.articles.length} source${e.articles.length === 1 ? '' : 's'})`);
      for (const s of e.spellings) lines.push(`      ${s.text}: ${s.articles.join(', ')}`);
    }
  }
  if (a.facts.length) {
    const order = { conflict: 0, variant: 1, agree: 2, single: 3 } as const;
    lines.push('');
    lines.push('Facts');
    for (const f of [...a.facts].sort((x, y) => order[x.verdict] - order[y.verdict])) {
      lines.push(`  [${f.verdict}] ${f.label}: ${f.reason}`);
    }
  }
  return lines.join('\n') + '\n';
}
