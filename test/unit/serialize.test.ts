// The CLI writes `analyze --json` in pieces (an archive's JSON is hundreds of megabytes); the pieces must
// make exactly the JSON a single JSON.stringify gives, for every shape of analysis.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeCorpus } from '../../src/engine/analyze';
import { analysisJsonPieces, analysisToJson } from '../../src/engine/serialize';
import type { Analysis } from '../../src/engine/model';
import { readSeeds } from '../../scripts/bench/generate';

const whole = (a: Analysis) => JSON.stringify(analysisToJson(a), null, 2);
const pieces = (a: Analysis) => [...analysisJsonPieces(a)].join('');

describe('analysis JSON in pieces', () => {
  it('equals the JSON of the whole analysis of the seeds', () => {
    const a = analyzeCorpus(readSeeds(path.join(__dirname, '../../seeds')));
    assert.equal(pieces(a), whole(a));
  });

  it('equals it for empty lists, warnings, annotations and text with newlines and quotes', () => {
    const a = analyzeCorpus([{ file: 'a.txt', text: 'Talks "in" Oslo\n\nMayor Ann Berg said 3\ttimes: "no".\r\n' }], { warnings: [{ file: 'b.txt', message: 'skipped: "binary"\nfile' }] });
    assert.equal(pieces(a), whole(a));
    const empty: Analysis = { articles: [], entities: [], facts: [], warnings: [] };
    assert.equal(pieces(empty), whole(empty));
    const annotated: Analysis = {
      ...a,
      annotations: [{ id: 'n1', article: a.articles[0].id, file: 'a.txt', sidecar: 'a.crosscheck.yaml', start: 0, end: 5, quote: 'Talks\n', kind: 'note', note: 'line\nbreak', anchor: 'exact' as const, score: 0.98765 }],
    };
    assert.equal(pieces(annotated), whole(annotated));
  });
});
