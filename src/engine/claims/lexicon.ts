// General English/news vocabulary used by claim extraction. Nothing here is specific to one story:
// these are closed word classes (determiners, prepositions, auxiliaries), number words, units, titles,
// hedging and reporting verbs, and a small gazetteer of countries with their demonyms and capitals.

/**
 * A table looked up by words of the text: without a prototype, so "constructor" or "toString" in an article
 * is not found in it (an object literal answered them with Object's methods, and the stemmer crashed on one).
 */
function wordTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

export const NUMBER_WORDS: Readonly<Record<string, number>> = wordTable({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  a: 1, an: 1, single: 1, dozen: 12, hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, trillion: 1e12,
});

export const MULTIPLIERS: Readonly<Record<string, number>> = wordTable({
  hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, trillion: 1e12, k: 1000, m: 1e6, bn: 1e9, mn: 1e6,
});

export const ORDINALS: Readonly<Record<string, number>> = wordTable({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
});

/** Words that end a noun phrase when looking for what a number counts. */
export const PHRASE_BREAKERS = new Set([
  // determiners, pronouns, conjunctions, prepositions
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'which', 'who', 'whom', 'whose', 'what', 'where', 'when',
  'and', 'or', 'but', 'nor', 'so', 'yet', 'as', 'than', 'if', 'while', 'because', 'though', 'although',
  'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'without', 'into', 'onto', 'over', 'under', 'about',
  'after', 'before', 'during', 'since', 'until', 'between', 'among', 'across', 'against', 'near', 'per', 'via',
  'including', 'alongside', 'amid', 'toward', 'towards', 'through', 'within', 'outside', 'inside', 'like',
  'each', 'apiece', 'every', 'last', 'next', 'ago', 'earlier', 'later', 'today', 'yesterday', 'tomorrow',
  'it', 'its', 'they', 'their', 'he', 'his', 'she', 'her', 'we', 'our', 'you', 'your', 'them', 'him', 'us',
  // auxiliaries and frequent verbs
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does', 'did',
  'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'shall', 'not', 'no',
  'said', 'says', 'say', 'told', 'reported', 'according', 'also', 'still', 'only', 'just', 'were', 'remain',
  'remained', 'remains', 'died', 'killed', 'injured', 'wounded', 'arrested', 'missing', 'dead',
]);

/** Function words that carry no content when comparing sentences. */
export const STOPWORDS = new Set([
  ...PHRASE_BREAKERS,
  'also', 'any', 'all', 'both', 'some', 'such', 'more', 'most', 'other', 'another', 'own', 'same', 'very',
  'there', 'here', 'then', 'now', 'how', 'why', 'whether', 'not', 'up', 'down', 'out', 'off', 'again',
  'further', 'once', 'many', 'much', 'few', 'several', 'one', 'two', 'its', 'it', 'itself', 'themselves',
  'mr', 'mrs', 'ms', 'however', 'meanwhile', 'moreover', 'despite', 'amidst', 'upon', 'even', 'well', 'into',
  'being', 'having', 'would', 'make', 'made', 'new', 'said', 'say', 'says', 'told', 'noted', 'stated',
  'according', 'reports', 'report', 'reported', 'reportedly', 'allegedly', 'claims', 'claimed', 'claim',
  'added', 'adding', 'too', 'far', 'already', 'likely',
  // adverbs and prepositions that say nothing about which fact a clause states ("around 50,000 troops",
  // "based around ceasefire terms")
  'around', 'along', 'above', 'below', 'behind', 'beyond', 'throughout', 'just', 'only', 'instead', 'almost',
  'nearly', 'rather', 'quite', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/** Words for people who are counted as a group; they share the class "people". */
export const PEOPLE_NOUNS = new Set(['people', 'person', 'persons', 'individual', 'individuals', 'resident', 'residents', 'civilian', 'civilians']);

/**
 * A few hypernym classes so that "combat aircraft" and "bombers" can be compared. Kept small on purpose:
 * only counts of things that are clearly the same kind of object.
 */
export const NOUN_CLASSES: Readonly<Record<string, string>> = wordTable({
  aircraft: 'aircraft', plane: 'aircraft', airplane: 'aircraft', jet: 'aircraft', bomber: 'aircraft',
  fighter: 'aircraft', warplane: 'aircraft', helicopter: 'aircraft',
  drone: 'drone', uav: 'drone',
  missile: 'missile', rocket: 'missile',
  troop: 'soldier', soldier: 'soldier', servicemen: 'soldier', serviceman: 'soldier',
  prisoner: 'prisoner', captive: 'prisoner', pow: 'prisoner', detainee: 'prisoner',
  member: 'member', delegate: 'member',
  death: 'death', fatality: 'death',
  people: 'people', person: 'people', individual: 'people', resident: 'people', civilian: 'people',
});

/** Units a quantity can be measured in, with their dimension and factor to the base unit. */
export const UNITS: Readonly<Record<string, { dim: string; factor: number; base: string }>> = wordTable({
  km: { dim: 'length', factor: 1000, base: 'm' }, kilometre: { dim: 'length', factor: 1000, base: 'm' },
  kilometer: { dim: 'length', factor: 1000, base: 'm' }, mile: { dim: 'length', factor: 1609.344, base: 'm' },
  m: { dim: 'length', factor: 1, base: 'm' }, metre: { dim: 'length', factor: 1, base: 'm' }, meter: { dim: 'length', factor: 1, base: 'm' },
  ft: { dim: 'length', factor: 0.3048, base: 'm' }, foot: { dim: 'length', factor: 0.3048, base: 'm' }, feet: { dim: 'length', factor: 0.3048, base: 'm' },
  kg: { dim: 'mass', factor: 1, base: 'kg' }, kilogram: { dim: 'mass', factor: 1, base: 'kg' },
  tonne: { dim: 'mass', factor: 1000, base: 'kg' }, ton: { dim: 'mass', factor: 1000, base: 'kg' },
  pound: { dim: 'mass', factor: 0.45359237, base: 'kg' }, lb: { dim: 'mass', factor: 0.45359237, base: 'kg' },
  hectare: { dim: 'area', factor: 10000, base: 'm2' }, acre: { dim: 'area', factor: 4046.8564224, base: 'm2' },
  percent: { dim: 'percent', factor: 1, base: '%' }, '%': { dim: 'percent', factor: 1, base: '%' },
});

export const CURRENCIES: Readonly<Record<string, string>> = wordTable({
  $: 'USD', 'us$': 'USD', dollar: 'USD', usd: 'USD', '€': 'EUR', euro: 'EUR', eur: 'EUR', '£': 'GBP', pound: 'GBP', gbp: 'GBP',
  rouble: 'RUB', ruble: 'RUB', hryvnia: 'UAH', yen: 'JPY', '¥': 'JPY', yuan: 'CNY', rupee: 'INR',
});

/** Seconds in each duration unit. */
export const DURATION_UNITS: Readonly<Record<string, number>> = wordTable({
  second: 1, minute: 60, min: 60, hour: 3600, hr: 3600, day: 86400, week: 604800, fortnight: 1209600,
  month: 2629800, year: 31557600,
});

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const MONTH_ABBR: Readonly<Record<string, number>> = wordTable({
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11,
});
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Time-zone words kept with a time ("local time", "GMT"): offsets from UTC in minutes when fixed. */
export const ZONES: Readonly<Record<string, number | undefined>> = wordTable({
  gmt: 0, utc: 0, bst: 60, cet: 60, cest: 120, eet: 120, eest: 180, msk: 180, est: -300, edt: -240, et: undefined,
  cst: -360, cdt: -300, pst: -480, pdt: -420, pt: undefined, jst: 540, ist: 330, local: undefined,
});

/** Adverbs and verbs that weaken a claim. */
export const HEDGES = [
  'allegedly', 'reportedly', 'purportedly', 'apparently', 'supposedly', 'reputedly', 'possibly', 'probably',
  'claims', 'claimed', 'claiming', 'alleged', 'alleges', 'unconfirmed', 'unverified', 'is believed', 'are believed',
  'was believed', 'were believed', 'is thought', 'are thought', 'is said', 'are said', 'was said', 'were said',
  'may have', 'might have', 'could have', 'appears to', 'appeared to', 'seems to',
];

/** Verbs that introduce reported speech ("X said", "said X"). */
export const SPEECH_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'noted', 'notes', 'added', 'announced',
  'announces', 'confirmed', 'confirms', 'claimed', 'claims', 'reported', 'reports', 'warned', 'warns',
  'insisted', 'insists', 'argued', 'argues', 'explained', 'wrote', 'writes', 'tweeted', 'posted', 'declared',
  'observed', 'estimated', 'estimates', 'acknowledged', 'admitted', 'denied', 'denies', 'suggested', 'believes',
  'caution', 'cautions', 'cautioned', 'note', 'stressed', 'stresses', 'emphasized', 'emphasised', 'predicted', 'predict',
];

/** Titles and role nouns that can stand before a person's name ("Defense Minister", "Kremlin aide"). */
export const ROLE_HEADS = new Set([
  'president', 'minister', 'secretary', 'aide', 'adviser', 'advisor', 'envoy', 'ambassador', 'chief', 'head',
  'spokesman', 'spokeswoman', 'spokesperson', 'chancellor', 'premier', 'governor', 'mayor', 'senator',
  'representative', 'congressman', 'congresswoman', 'general', 'admiral', 'colonel', 'commander', 'officer',
  'director', 'chairman', 'chairwoman', 'chair', 'ceo', 'leader', 'negotiator', 'professor', 'prof', 'dr',
  'judge', 'prosecutor', 'king', 'queen', 'prince', 'princess', 'pope', 'bishop', 'official', 'analyst',
  'correspondent', 'reporter', 'editor', 'founder', 'coach', 'captain', 'speaker', 'deputy', 'vice',
  'commissioner', 'inspector', 'sheriff', 'attorney', 'lawyer', 'economist', 'expert', 'researcher',
  'diplomat', 'delegate', 'mediator', 'spy', 'counsel', 'councillor', 'councilor', 'lieutenant', 'sergeant',
  'major', 'ruler', 'monarch', 'emir', 'sultan', 'sheikh', 'mp', 'lawmaker', 'legislator', 'activist',
]);

/** Modifiers that can stand inside a role ("former", "acting", "Culture" in "former Culture Minister"). */
export const ROLE_MODIFIERS = new Set(['former', 'acting', 'interim', 'deputy', 'vice', 'senior', 'chief', 'special', 'top', 'foreign', 'defense', 'defence', 'prime', 'presidential', 'first', 'late', 'then', 'new', 'incoming', 'outgoing']);

/** Nouns naming an event that can have a place ("talks in X", "the attack on X"). */
export const EVENT_NOUNS = new Set([
  'talks', 'negotiations', 'meeting', 'meetings', 'summit', 'conference', 'session', 'round', 'discussions',
  'attack', 'attacks', 'strike', 'strikes', 'bombing', 'explosion', 'blast', 'fire', 'crash', 'collision',
  'earthquake', 'flood', 'floods', 'storm', 'protest', 'protests', 'rally', 'march', 'election', 'vote',
  'ceremony', 'funeral', 'trial', 'hearing', 'match', 'game', 'festival', 'concert', 'shooting', 'raid',
  'visit', 'speech', 'signing', 'agreement', 'deal', 'clashes', 'fighting', 'battle', 'offensive', 'assault',
  'breach', 'collapse', 'failure', 'flooding', 'landslide', 'eruption', 'evacuation', 'accident', 'derailment',
  'outage', 'launch', 'landing', 'ceasefire', 'truce', 'invasion', 'bombardment', 'barrage', 'operation',
]);

/** Verbs of taking place or arriving that attach a place to the event of their sentence. */
export const EVENT_VERBS = new Set([
  'met', 'meet', 'meets', 'arrived', 'arrive', 'arrives', 'held', 'hold', 'gathered', 'convened', 'landed',
  'took', 'occurred', 'happened', 'struck', 'hit', 'opened', 'began', 'begin', 'started', 'ended', 'concluded',
  'hosted', 'hosts', 'host', 'flew', 'travelled', 'traveled', 'killed', 'exploded', 'erupted', 'collapsed',
]);

/** Countries with their demonyms and capitals, for "who acts on whom" (Moscow and Russian both mean Russia). */
const COUNTRY_TABLE: readonly [string, string[]][] = [
  ['russia', ['russian', 'russians', 'moscow', 'kremlin']],
  ['ukraine', ['ukrainian', 'ukrainians', 'kyiv', 'kiev']],
  ['united states', ['us', 'u.s.', 'usa', 'america', 'american', 'americans', 'washington', 'united states']],
  ['united kingdom', ['uk', 'u.k.', 'britain', 'british', 'london', 'england', 'english']],
  ['france', ['french', 'paris']], ['germany', ['german', 'germans', 'berlin']],
  ['turkey', ['turkish', 'türkiye', 'turkiye', 'ankara']], ['china', ['chinese', 'beijing']],
  ['japan', ['japanese', 'tokyo']], ['india', ['indian', 'indians', 'new delhi', 'delhi']],
  ['pakistan', ['pakistani', 'pakistanis', 'islamabad']], ['israel', ['israeli', 'israelis', 'jerusalem']],
  ['iran', ['iranian', 'iranians', 'tehran']], ['iraq', ['iraqi', 'iraqis', 'baghdad']],
  ['syria', ['syrian', 'syrians', 'damascus']], ['lebanon', ['lebanese', 'beirut']],
  ['palestine', ['palestinian', 'palestinians', 'gaza', 'ramallah']], ['egypt', ['egyptian', 'egyptians', 'cairo']],
  ['saudi arabia', ['saudi', 'saudis', 'riyadh']], ['qatar', ['qatari', 'doha']], ['yemen', ['yemeni', 'sanaa']],
  ['north korea', ['north korean', 'pyongyang']], ['south korea', ['south korean', 'seoul']],
  ['taiwan', ['taiwanese', 'taipei']], ['afghanistan', ['afghan', 'afghans', 'kabul']],
  ['poland', ['polish', 'warsaw']], ['belarus', ['belarusian', 'minsk']], ['italy', ['italian', 'rome']],
  ['spain', ['spanish', 'madrid']], ['canada', ['canadian', 'ottawa']], ['mexico', ['mexican', 'mexico city']],
  ['brazil', ['brazilian', 'brasilia']], ['argentina', ['argentine', 'argentinian', 'buenos aires']],
  ['venezuela', ['venezuelan', 'caracas']], ['colombia', ['colombian', 'bogota']], ['australia', ['australian', 'canberra']],
  ['nigeria', ['nigerian', 'abuja']], ['south africa', ['south african', 'pretoria']], ['kenya', ['kenyan', 'nairobi']],
  ['ethiopia', ['ethiopian', 'addis ababa']], ['sudan', ['sudanese', 'khartoum']], ['libya', ['libyan', 'tripoli']],
  ['greece', ['greek', 'athens']], ['sweden', ['swedish', 'stockholm']], ['norway', ['norwegian', 'oslo']],
  ['finland', ['finnish', 'helsinki']], ['netherlands', ['dutch', 'amsterdam', 'the hague']],
  ['hungary', ['hungarian', 'budapest']], ['romania', ['romanian', 'bucharest']], ['serbia', ['serbian', 'belgrade']],
  ['georgia', ['georgian', 'tbilisi']], ['armenia', ['armenian', 'yerevan']], ['azerbaijan', ['azerbaijani', 'baku']],
  ['indonesia', ['indonesian', 'jakarta']], ['philippines', ['philippine', 'filipino', 'manila']],
  ['vietnam', ['vietnamese', 'hanoi']], ['thailand', ['thai', 'bangkok']], ['myanmar', ['burmese', 'naypyidaw']],
  ['bangladesh', ['bangladeshi', 'dhaka']], ['sri lanka', ['sri lankan', 'colombo']], ['nato', []], ['european union', ['eu', 'european', 'brussels']],
];

export const COUNTRY_OF: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [country, forms] of COUNTRY_TABLE) {
    m.set(country, country);
    for (const f of forms) m.set(f, country);
  }
  return m;
})();

/** Light synonym folding for comparing statements: words news reports use interchangeably. */
export const SYNONYMS: Readonly<Record<string, string>> = wordTable({
  negotiation: 'talk', discussion: 'talk', talk: 'talk', airfield: 'airbase', airbase: 'airbase',
  disagreement: 'divide', division: 'divide', divide: 'divide', rift: 'divide', apart: 'divide',
  truce: 'ceasefire', armistice: 'ceasefire', 'cease-fire': 'ceasefire',
  swap: 'exchange', exchange: 'exchange', prisoner: 'prisoner', pow: 'prisoner', captive: 'prisoner',
  operation: 'operation', counteroperation: 'operation', assault: 'attack', attack: 'attack', strike: 'attack', raid: 'attack', airstrike: 'attack',
  killed: 'kill', dead: 'kill', died: 'kill', death: 'kill',
  injured: 'injure', wounded: 'injure', hurt: 'injure',
  memorandum: 'memorandum', memoranda: 'memorandum', proposal: 'proposal',
  lead: 'lead', led: 'lead', head: 'lead', headed: 'lead', leading: 'lead',
  begin: 'start', began: 'start', start: 'start', started: 'start', commence: 'start', commenced: 'start',
  end: 'end', ended: 'end', conclude: 'end', concluded: 'end',
});
