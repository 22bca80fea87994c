// An engine that keeps a folder's articles and re-analyses only what an edit touches: the per-article
// work (parsing, mention extraction, claim extraction) is cached by article text and by what it read from
// the folder, facts are kept per story and aligned again only for the stories an edit touched, and the
// grouping of names into entities runs again over the folder. Its analysis equals analyzeCorpus over the
// same articles in file order; the unit tests hold it to that.
import type { AnalyzeOptions } from './analyze';
import type { Analysis, Article, ArticleInput, Entity, Mention } from './model';
import { parseArticle } from './text/article';
import { extractMentions, ofTypes } from './entities';
import type { ArticleWords } from './entities/mentions';
import { FolderEntities } from './entities/folder';
import { factsFromClaims, StoryFactsCache } from './facts';
import { ClaimContextTracker } from './claimContext';
import { storiesOf } from './facts/stories';
import { extractClaims, type ExtractedClaim } from './claims';
import { isPlaceName } from './claims/places';

export interface IncrementalEngine {
  /** Adds or replaces an article. Cheap: the work happens in analysis(). Same text again is a no-op. */
  setArticle(file: string, text: string): void;
  removeArticle(file: string): void;
  has(file: string): boolean;
  readonly size: number;
  /** Options as for analyzeCorpus; changing them re-runs the folder-level steps, not the per-article ones. */
  setOptions(options: AnalyzeOptions): void;
  /** The analysis of the current articles, in file order; cached until something changes. */
  analysis(): Analysis;
  /** How much per-article work was done so far (to see, and test, that unchanged articles are not redone). */
  readonly work: Readonly<WorkCounts>;
  /** Where the last analysis() spent its time, in milliseconds (for the bench). */
  readonly timings: Readonly<StepTimings>;
}

export interface StepTimings {
  /** Parsing and name candidates of the changed articles. */
  articles: number;
  /** Grouping names into entities (or moving the last grouping's mentions) and the stories. */
  entities: number;
  /** Claims of the articles that need them again. */
  claims: number;
  /** Aligning the touched stories and ordering the folder's facts. */
  facts: number;
}

export interface WorkCounts {
  parses: number;
  mentionExtractions: number;
  claimExtractions: number;
  analyses: number;
  /** Stories whose claims were aligned into facts (see StoryFactsCache). */
  storyAlignments: number;
  /** Times the names of the whole folder were grouped into entities (the first analysis; an edit groups only what it reaches). */
  entityGroupings: number;
  /** Spellings (forms) grouped into entities so far, over all analyses: the folder's on the first, the part an edit reaches after. */
  formsRegrouped: number;
}

interface Entry {
  input: ArticleInput;
  /** Parsed article, without a publication date from options. */
  parsed: Article;
  /** The article as analysed: `parsed` with the publication date the options give, if any. */
  article?: Article;
  /** Name candidates of `article` (entities' per-article step). */
  mentions?: ArticleWords;
  /** Claims of `article`, and what they read from the folder: its person mentions and place answers. */
  claims?: ExtractedClaim[];
  people?: People;
  placeAnswers?: PlaceAnswers;
}

/** The place names an article's claims asked about and the answers, or that the folder had no places. */
type PlaceAnswers = Map<string, boolean> | 'no places';

function placesAnswerAlike(answers: PlaceAnswers, placeNames: ReadonlySet<string>): boolean {
  if (answers === 'no places') return placeNames.size === 0;
  if (placeNames.size === 0) return false;
  for (const [key, yes] of answers) if (isPlaceName(placeNames, key) !== yes) return false;
  return true;
}

type People = readonly { entity: string; mention: Mention }[];
const NO_PEOPLE: People = [];

/** Whether two lists of an article's person mentions say the same (what extractClaims reads of them). */
function samePeople(a: People, b: People): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    if (x.entity !== y.entity) return false;
    const m = x.mention;
    const n = y.mention;
    return m === n || (m.article === n.article && m.start === n.start && m.end === n.end && m.text === n.text && m.role === n.role &&
      m.parts?.given === n.parts?.given && m.parts?.family === n.parts?.family && Boolean(m.parts) === Boolean(n.parts));
  });
}

/** Code-unit order, as the extension's worker sorts: stable across locales, unlike localeCompare. */
export const byFile = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function createEngine(options: AnalyzeOptions = {}): IncrementalEngine {
  return new Engine(options);
}

class Engine implements IncrementalEngine {
  private readonly entries = new Map<string, Entry>();
  private order: string[] | undefined = [];
  private cached: Analysis | undefined;
  /** What claim extraction reads from the folder's entities, followed edit by edit. */
  private readonly claimContext = new ClaimContextTracker();
  private readonly storyFacts = new StoryFactsCache();
  /** The folder's entity step, kept up to date edit by edit. */
  private readonly folder = new FolderEntities();
  /** The last entity step: every type's entities, the options' types of them, and the stories they make. */
  private grouped: { all: Entity[]; entities: Entity[]; types: string; stories: ReturnType<typeof storiesOf> } | undefined;
  readonly timings: StepTimings = { articles: 0, entities: 0, claims: 0, facts: 0 };
  readonly work: WorkCounts = { parses: 0, mentionExtractions: 0, claimExtractions: 0, analyses: 0, storyAlignments: 0, entityGroupings: 0, formsRegrouped: 0 };

  constructor(private options: AnalyzeOptions) {}

  get size(): number {
    return this.entries.size;
  }

  has(file: string): boolean {
    return this.entries.has(file);
  }

  setArticle(file: string, text: string): void {
    const old = this.entries.get(file);
    if (old && old.input.text === text) return;
    const input = { file, text };
    this.entries.set(file, { input, parsed: parseArticle(input) });
    this.work.parses++;
    if (!old) this.order = undefined;
    this.cached = undefined;
  }

  removeArticle(file: string): void {
    const old = this.entries.get(file);
    if (!old) return;
    this.entries.delete(file);
    this.order = undefined;
    this.cached = undefined;
  }

  setOptions(options: AnalyzeOptions): void {
    this.options = options;
    this.cached = undefined;
  }

  analysis(): Analysis {
    if (this.cached) return this.cached;
    let t = performance.now();
    const lap = (): number => {
      const now = performance.now();
      const ms = now - t;
      t = now;
      return ms;
    };
    if (!this.order) this.order = [...this.entries.keys()].sort(byFile);
    const entries = this.order.map((file) => this.entries.get(file)!);
    const articles = entries.map((e) => {
      const published = this.options.published?.[e.input.file];
      if (!e.article || e.article.published !== published) {
        e.article = published ? { ...e.parsed, published } : e.parsed;
        e.mentions = undefined;
        e.claims = undefined;
      }
      return e.article;
    });
    const mentions = entries.map((e) => {
      if (!e.mentions) {
        e.mentions = extractMentions(e.article!);
        this.work.mentionExtractions++;
      }
      return e.mentions;
    });
    this.work.analyses++;
    this.timings.articles = lap();
    const types = this.options.entityTypes ? [...new Set(this.options.entityTypes)].sort().join() : '*';
    const groupings = this.folder.fullGroupings;
    const all = this.folder.update(articles, mentions);
    this.work.entityGroupings += this.folder.fullGroupings - groupings;
    this.work.formsRegrouped = this.folder.formsRegrouped;
    if (!this.grouped || this.grouped.all !== all || this.grouped.types !== types) {
      const entities = ofTypes(all, this.options);
      this.grouped = { all, entities, types, stories: storiesOf(articles, entities) };
    }
    const { entities, stories } = this.grouped;
    this.timings.entities = lap();
    // Claims read two things from the folder besides their own article: the person mentions the entities
    // found in it, and whether the names after "in"/"at" are the folder's places. An article's claims are
    // extracted again only when its text or one of those answers changed: a new place spelling elsewhere
    // re-extracts the articles that asked about that name, not the folder.
    const placesChanged = this.claimContext.update(entities);
    const context = { placeNames: this.claimContext.placeNames, people: this.claimContext.people };
    const anyPlaces = context.placeNames.size > 0;
    const claims = entries.map((e) => {
      const people = context.people.get(e.article!.id) ?? NO_PEOPLE;
      if (!e.claims || !samePeople(e.people!, people) || (placesChanged && !placesAnswerAlike(e.placeAnswers!, context.placeNames))) {
        const answers: PlaceAnswers = anyPlaces ? new Map() : 'no places';
        const isPlace = anyPlaces ? (key: string) => {
          const yes = isPlaceName(context.placeNames, key);
          (answers as Map<string, boolean>).set(key, yes);
          return yes;
        } : undefined;
        e.claims = extractClaims(e.article!, entities, { ...context, ...(isPlace ? { isPlace } : {}) });
        e.people = people;
        e.placeAnswers = answers;
        this.work.claimExtractions++;
      }
      return e.claims;
    });
    this.timings.claims = lap();
    const facts = factsFromClaims(articles, claims, {}, stories, this.storyFacts);
    this.timings.facts = lap();
    this.work.storyAlignments = this.storyFacts.aligned;
    this.cached = { articles, entities, facts, warnings: [...(this.options.warnings ?? [])] };
    return this.cached;
  }
}
