// The human-readable summary printed by `crosscheck analyze`.
import type { Analysis, Entity, EntityType } from '../engine/model';

export function formatSummary(a: Analysis): string {
  const lines: string[] = [];
  lines.push(`${a.articles.length} article${a.articles.length === 1 ? '' : 's'}, ${a.entities.length} entities, ${a.facts.length} facts`);
  lines.push('');
  lines.push('Articles');
  for (const art of a.articles) lines.push(`  ${art.id}  ${art.title}`);
  lines.push(...entityLines(a.entities));
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

const HEADINGS: readonly [EntityType, string][] = [
  ['person', 'People'], ['organization', 'Organisations'], ['place', 'Places'], ['event', 'Events'], ['other', 'Other names'],
];

/** Entities by type, each with every spelling and the sources that use it; things described in words last. */
function entityLines(entities: readonly Entity[]): string[] {
  const lines: string[] = [];
  const section = (title: string, list: readonly Entity[]) => {
    if (!list.length) return;
    lines.push('', `${title} (${list.length})`);
    for (const e of list) {
      const n = e.articles.length;
      const kind = e.type === 'other' || e.description ? `${e.type}, ` : '';
      const single = e.spellings.length === 1 && e.spellings[0].text === e.name;
      lines.push(`  ${e.name}  (${kind}${n} source${n === 1 ? '' : 's'}${single ? `: ${e.articles.join(', ')}` : ''})`);
      if (single) continue;
      const width = Math.max(...e.spellings.map((s) => s.text.length));
      for (const s of e.spellings) lines.push(`      ${s.text.padEnd(width)}  ${s.articles.join(', ')}`);
    }
  };
  for (const [type, title] of HEADINGS) section(title, entities.filter((e) => e.type === type && !e.description));
  section('Described in words (not named)', entities.filter((e) => e.description));
  return lines;
}
