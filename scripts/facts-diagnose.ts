// Why a gold fact pair is missed: for every pair of articles a gold fact (seeds-gold.yaml format) spans
// that no reported fact covers, prints the claims extracted over each gold span and the facts they landed
// in, and a cause: "no claim" (nothing extracted over the span in one article), "not aligned" (claims on
// both sides, never in one fact). Pairs are matched as score.py matches them (first occurrence of a span).
//   usage: tsx scripts/facts-diagnose.ts GOLD_YAML FOLDER [--all]
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'yaml';
import { readArticleFolder } from '../src/node/folder';
import { parseArticle } from '../src/engine/text/article';
import { findEntities } from '../src/engine/entities';
import { claimContextOf, findFacts } from '../src/engine/facts';
import { extractClaims, type ExtractedClaim } from '../src/engine/claims';
import { idfOf, liveConceptsOf, profileOf, statementSimilarity, vectorOf } from '../src/engine/facts/similarity';
import { Vocabulary } from '../src/engine/facts/vocabulary';

interface GoldValue { span: string }
interface GoldFact { id: string; verdict?: string; note?: string; values?: Record<string, GoldValue | GoldValue[]> }

async function main(): Promise<void> {
  const [goldPath, folder, flag] = process.argv.slice(2);
  const gold = parse(readFileSync(goldPath, 'utf8')) as { articles: Record<string, { file: string }>; facts: GoldFact[] };
  const contents = await readArticleFolder(folder);
  const articles = contents.inputs.map((i) => parseArticle(i));
  const entities = findEntities(articles, {});
  const facts = findFacts(articles, entities, {});
  const ctx = claimContextOf(entities);
  const byKey = new Map<string, (typeof articles)[number]>();
  for (const [k, a] of Object.entries(gold.articles)) {
    const art = articles.find((x) => basename(x.file) === a.file);
    if (art) byKey.set(k, art);
  }
  const extracted = new Map([...byKey].map(([k, a]) => [k, extractClaims(a, entities, ctx)]));
  const claims = new Map([...extracted].map(([k, xs]) => [k, xs.map((x) => x.claim)]));
  const everything = [...extracted.values()].flat();
  const idf = idfOf(everything);
  const live = liveConceptsOf(everything);
  const vocab = new Vocabulary(live);
  const prof = new Map(everything.map((x) => [x.claim, profileOf(vectorOf(x, idf, 0), vocab)]));
  const ext = new Map(everything.map((x) => [x.claim, x]));
  const sim = (a: ExtractedClaim, b: ExtractedClaim) => statementSimilarity(prof.get(a.claim)!, prof.get(b.claim)!);
  // the best statement of article `k` for claim x, and its score
  const bestIn = (x: ExtractedClaim, k: string) => {
    let best: [number, string] = [0, ''];
    for (const y of extracted.get(k)!) if (y.claim.kind === 'statement') { const s = sim(x, y); if (s > best[0]) best = [s, y.claim.text.slice(0, 60)]; }
    return best;
  };
  const overlap = (s: number, e: number, c: { start: number; end: number }) => c.start < e && s < c.end;
  const causes = new Map<string, number>();
  for (const f of gold.facts) {
    if ((f.note ?? '').includes('DOUBTFUL')) continue;
    const spans = new Map<string, [number, number]>();
    for (const [k, v] of Object.entries(f.values ?? {})) {
      const art = byKey.get(k)!;
      for (const x of Array.isArray(v) ? v : [v]) {
        const i = art.text.indexOf(x.span);
        if (i >= 0 && !spans.has(k)) spans.set(k, [i, i + x.span.length]);
      }
    }
    const keys = [...spans.keys()].sort();
    const factsAt = (k: string) => {
      const art = byKey.get(k)!;
      const [s, e] = spans.get(k)!;
      return new Set(facts.filter((t) => t.claims.some((c) => c.article === art.id && overlap(s, e, c))).map((t) => t.id));
    };
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const [a, b] = [keys[i], keys[j]];
        const fa = factsAt(a);
        const hit = [...factsAt(b)].some((x) => fa.has(x));
        if (hit && flag !== '--all') continue;
        const side = (k: string) => {
          const [s, e] = spans.get(k)!;
          const cs = claims.get(k)!.filter((c) => overlap(s, e, c));
          return { cs, fs: factsAt(k) };
        };
        const A = side(a);
        const B = side(b);
        const cause = hit ? 'hit' : !A.cs.length || !B.cs.length ? 'no claim' : 'not aligned';
        causes.set(cause, (causes.get(cause) ?? 0) + 1);
        console.log(`${f.id} ${a}-${b} [${cause}] (${f.verdict})`);
        for (const x of A.cs) for (const y of B.cs) if (x.kind === 'statement' && y.kind === 'statement') {
          const ba = bestIn(ext.get(x)!, b);
          const bb = bestIn(ext.get(y)!, a);
          console.log(`  sim ${sim(ext.get(x)!, ext.get(y)!).toFixed(3)} | best of ${a} in ${b}: ${ba[0].toFixed(3)} ${JSON.stringify(ba[1])} | best of ${b} in ${a}: ${bb[0].toFixed(3)} ${JSON.stringify(bb[1])}`);
          console.log(`    terms ${a}: ${ext.get(x)!.ctx.terms.join(' ')} | ${b}: ${ext.get(y)!.ctx.terms.join(' ')}`);
        }
        for (const [k, S] of [[a, A], [b, B]] as const) {
          const [s, e] = spans.get(k)!;
          console.log(`  ${k} gold: ${JSON.stringify(byKey.get(k)!.text.slice(s, e))}`);
          for (const c of S.cs) console.log(`     ${c.kind.padEnd(9)} ${JSON.stringify(c.text)} ${c.kind === 'statement' ? JSON.stringify(ext.get(c)!.ctx.actors) : ''} -> ${facts.filter((t) => t.claims.some((d) => d.article === c.article && d.start === c.start && d.end === c.end && d.kind === c.kind)).map((t) => t.id).join(',') || '-'}`);
        }
      }
    }
  }
  console.log([...causes].map(([c, n]) => `${c}: ${n}`).join(', '));
}

void main();
