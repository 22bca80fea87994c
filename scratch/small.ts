import { analyzeCorpus } from '../src/engine/analyze';
import { createEngine, byFile } from '../src/engine/incremental';
import { analysisToJson } from '../src/engine/serialize';
const files = new Map([
  ['a.txt', 'Talks in Geneva\n\nThe Ukrainian delegation met officials from Varnok, Belgrade and Paris on Monday, the talks lasted 3 hours. They agreed on a prisoner exchange.\n'],
  ['b.txt', 'Geneva meeting\n\nThe war was discussed in Geneva, where 40 delegates with Belgrade met the Ukrainian delegation and the talks went on after a sudden halt over the prisoner lists.\n'],
  ['c.txt', 'Report\n\nIn Geneva the Ukrainian delegation and officials from Paris spoke about the war and the talks for 3 hours.\n'],
]);
const full = () => analysisToJson(analyzeCorpus([...files].map(([file, text]) => ({ file, text })).sort((a, b) => byFile(a.file, b.file))));
const engine = createEngine();
for (const [f, t] of files) engine.setArticle(f, t);
engine.analysis();
const t = files.get('a.txt')!.replace('3 hours', '14 hours');
files.set('a.txt', t); engine.setArticle('a.txt', t);
const a = analysisToJson(engine.analysis()) as any; const b = full() as any;
console.log(a.entities.map((e: any) => e.id + ':' + e.mentions.length).join(' '));
console.log(b.entities.map((e: any) => e.id + ':' + e.mentions.length).join(' '));
