// Dense numbers for the words of one story, their synonyms among each other, and the scratch arrays two
// profiles are compared in. A pair is compared by stamping one side's words in arrays indexed by word number
// and reading the other side against them: a few array reads per word where string-keyed maps cost a hash
// each (alignment compares hundreds of thousands of pairs in a large archive).
import { conceptsOf } from '../claims/tokens';

export class Vocabulary {
  private readonly numbers = new Map<string, number>();
  /** Words by concept: only the live concepts' (those that can join two words). */
  private readonly byConcept = new Map<number, number[]>();
  /** Per word number: the word lists of its live concepts (shared arrays: they grow as words are added). */
  private readonly synonymLists: (readonly number[])[][] = [];
  /** Per word number: the generation whose profile `b` holds the word (g: `a` lacks it, g + 1: `a` has it too). */
  stampB = new Int32Array(256);
  /** Per word number: the generation whose profile `a` holds the word. */
  stampA = new Int32Array(256);
  /** Per word number: its weight in the stamped `b`, and in the stamped `a`. */
  weightB = new Float64Array(256);
  weightA = new Float64Array(256);
  private generation = 0;

  /** `live`: the concepts that can join two words (liveConceptsOf); all of them when undefined. */
  constructor(readonly live?: ReadonlySet<number>) {}

  numberOf(word: string): number {
    let n = this.numbers.get(word);
    if (n !== undefined) return n;
    n = this.numbers.size;
    this.numbers.set(word, n);
    if (n >= this.stampB.length) {
      const size = this.stampB.length * 2;
      this.stampB = grow(this.stampB, new Int32Array(size));
      this.stampA = grow(this.stampA, new Int32Array(size));
      this.weightB = grow(this.weightB, new Float64Array(size));
      this.weightA = grow(this.weightA, new Float64Array(size));
    }
    const lists: number[][] = [];
    for (const c of conceptsOf(word)) {
      if (this.live && !this.live.has(c)) continue;
      let words = this.byConcept.get(c);
      if (!words) this.byConcept.set(c, (words = []));
      words.push(n);
      lists.push(words);
    }
    this.synonymLists.push(lists);
    return n;
  }

  /** Whether a word has a live concept, so it could meet another word through a synonym. */
  hasSynonyms(n: number): boolean {
    return this.synonymLists[n].length > 0;
  }

  /** The word lists of a word's live concepts (the word itself is in each). */
  synonymsOf(n: number): readonly (readonly number[])[] {
    return this.synonymLists[n];
  }

  /** A fresh stamp for the word arrays; two values each (see stampB). */
  nextGeneration(): number {
    if (this.generation > 0x3ffffff0) {
      this.stampA.fill(0);
      this.stampB.fill(0);
      this.generation = 0;
    }
    return (this.generation += 2);
  }
}

function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
