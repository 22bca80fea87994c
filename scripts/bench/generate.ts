// Builds a benchmark archive: events of four to six reports each, every report a seed article with every
// name replaced consistently for its event (and respelled in some sources), and its numbers scaled for the
// event. Deterministic: the same seed, size and seed articles always give the same files.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildLexicon, type Lexicon } from './lexicon';
import { generateAcronym, generateName, respell } from './names';
import { createRng, subSeed, type Rng } from './prng';

/** Bump when the generator changes what it writes, so cached archives are rebuilt. */
export const GENERATOR_VERSION = 1;

export interface SeedArticle {
  file: string;
  text: string;
}

export interface ArchiveManifest {
  version: number;
  seed: number;
  seedsHash: string;
  articles: number;
  events: number;
  characters: number;
  bytes: number;
}

export function readSeeds(dir: string): SeedArticle[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(txt|md)$/i.test(f))
    .sort()
    .map((file) => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8') }));
}

export function seedsHash(seeds: readonly SeedArticle[]): string {
  const h = crypto.createHash('sha256');
  for (const s of seeds) h.update(s.file).update('\0').update(s.text).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** Writes (or reuses, when its manifest matches) an archive of `articles` files in `dir`. */
export function ensureArchive(dir: string, articles: number, seeds: readonly SeedArticle[], seed: number): ArchiveManifest {
  const manifestFile = `${dir}.json`;
  const hash = seedsHash(seeds);
  try {
    const old = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as ArchiveManifest;
    if (old.version === GENERATOR_VERSION && old.seed === seed && old.seedsHash === hash && old.articles === articles && fs.existsSync(dir)) {
      return old;
    }
  } catch {
    // No manifest yet: generate.
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let characters = 0;
  let bytes = 0;
  let events = 0;
  for (const doc of generateArticles(seeds, articles, seed)) {
    fs.writeFileSync(path.join(dir, doc.file), doc.text);
    characters += doc.text.length;
    bytes += Buffer.byteLength(doc.text);
    events = doc.event + 1;
  }
  const manifest: ArchiveManifest = { version: GENERATOR_VERSION, seed, seedsHash: hash, articles, events, characters, bytes };
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

export interface GeneratedArticle {
  file: string;
  event: number;
  text: string;
}

export function* generateArticles(seeds: readonly SeedArticle[], total: number, seed: number): Generator<GeneratedArticle> {
  if (seeds.length === 0) throw new Error('no seed articles');
  const lexicon = buildLexicon(seeds.map((s) => s.text));
  let written = 0;
  for (let event = 0; written < total; event++) {
    const rng = createRng(subSeed(seed, `event:${event}`));
    const names = eventNames(rng, lexicon);
    const factor = Math.exp(Math.log(0.4) + rng.next() * (Math.log(3) - Math.log(0.4)));
    const sources = Math.min(rng.pick([4, 5, 5, 6]), total - written);
    const order = rng.shuffle(seeds.map((_, i) => i));
    for (let s = 0; s < sources; s++) {
      const base = seeds[order[s % order.length]];
      const sourceRng = createRng(subSeed(seed, `event:${event}:source:${s}`));
      // A repeated seed, and now and then any source, reports one figure differently: real clusters disagree.
      const oddFigure = s >= seeds.length || sourceRng.chance(0.2) ? sourceRng.int(0, 40) : -1;
      const text = scaleNumbers(renameAll(base.text, lexicon, names, sourceRng), factor, oddFigure, sourceRng);
      const file = `e${String(event + 1).padStart(5, '0')}-s${s + 1}-${base.file.replace(/^\d+_/, '').replace(/\.\w+$/, '')}.txt`;
      yield { file, event, text };
      written++;
    }
  }
}

interface EventName {
  canonical: string;
  /** A respelling some sources of the event use instead. */
  variant?: string;
  /** Share of the event's sources that use the variant. */
  variantShare: number;
}

function eventNames(rng: Rng, lexicon: Lexicon): Map<string, EventName> {
  const taken = new Set<string>();
  const out = new Map<string, EventName>();
  for (const [key] of lexicon.groups) {
    const acronym = /^\p{Lu}+$/u.test(key);
    const canonical = acronym ? generateAcronym(rng, key.length, taken) : generateName(rng, taken);
    const variant = !acronym && rng.chance(0.35) ? respell(rng, canonical) : undefined;
    out.set(key, { canonical, variant, variantShare: 0.3 + rng.next() * 0.3 });
  }
  return out;
}

const WORD = /[\p{L}\p{M}]+/gu;

function renameAll(text: string, lexicon: Lexicon, names: Map<string, EventName>, rng: Rng): string {
  // Whether this source uses each group's variant is decided once per source, so a source is consistent.
  const usesVariant = new Map<string, boolean>();
  for (const [key, name] of names) usesVariant.set(key, name.variant !== undefined && rng.chance(name.variantShare));
  return text.replace(WORD, (word) => {
    const entry = lexicon.words.get(word);
    if (!entry) return word;
    const name = names.get(entry.group);
    if (!name) return word;
    const base = usesVariant.get(entry.group) && name.variant ? name.variant : name.canonical;
    // "Russian" is the group key "Russia" plus a suffix: keep the suffix on the generated name.
    return word.startsWith(entry.group) ? withSuffix(base, word.slice(entry.group.length)) : base;
  });
}

/** "Russia" + "n" reads right; "Chouez" + "n" does not: after a consonant an adjective ending becomes "ian". */
function withSuffix(name: string, suffix: string): string {
  if (/^(n|an|ian)$/.test(suffix) && /[^aeiouy]$/.test(name)) return name + 'ian';
  return name + suffix;
}

const MONTHS = /(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s*$/;
const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

/**
 * Scales the event's figures by `factor`, leaving alone what is not a count: years, clock times, days of
 * the month, ordinals, citation markers ("[1]", "Source 1"). `oddFigure` (an index among the scaled
 * numbers, or -1) gets a different factor, so that this source disagrees with the others on it.
 */
export function scaleNumbers(text: string, factor: number, oddFigure: number, rng: Rng): string {
  let index = 0;
  return text.replace(NUMBER, (num, offset: number) => {
    const before = text.slice(Math.max(0, offset - 12), offset);
    const after = text.slice(offset + num.length, offset + num.length + 8);
    if (/[\d.,:]$/.test(before) || /^[:.,]?\d/.test(after)) return num;
    if (/\[$/.test(before) || /Source\s*$/i.test(before) || /^(st|nd|rd|th)\b/i.test(after)) return num;
    if (/^\s*(a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b|GMT|UTC)/.test(after)) return num;
    if (MONTHS.test(before) || /^\s*(January|February|March|April|May|June|July|August|September|October|November|December)/.test(after)) return num;
    const value = Number(num.replace(/,/g, ''));
    if (!num.includes(',') && Number.isInteger(value) && value >= 1800 && value <= 2100) return num;
    const f = index++ === oddFigure ? factor * (rng.chance(0.5) ? 0.5 : 2.5) : factor;
    return formatLike(num, value * f);
  });
}

function formatLike(original: string, value: number): string {
  const decimals = /\.(\d+)$/.exec(original)?.[1].length ?? 0;
  const rounded = decimals > 0 ? Number(value.toFixed(decimals)) : Math.max(1, Math.round(value));
  if (!original.includes(',')) return decimals > 0 ? rounded.toFixed(decimals) : String(rounded);
  return rounded.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
