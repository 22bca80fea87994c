// General English / news vocabulary the entity rules lean on. Nothing here names anything in a
// particular corpus: these are closed-class words, titles, calendar words and naming cue words.

const set = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** Words that open sentences or headings in capitals but never start a name. Lowercase. */
export const FUNCTION_WORDS = set(`
a an the this that these those there here it its it's he she they we i you his her their our your my me him them us
and or but nor so yet if then than as at by for from in into of off on onto out over to up upon with within without
about above across after against along amid amidst among around before behind below beneath beside besides between
beyond despite during except inside near outside since through throughout till toward towards under underneath
until via while whilst although though because whether unless once where when which who whom whose what why how
all any both each either every few many more most much neither no none not only other own same several some such
also again already always even ever just still never now often perhaps rather really soon too very well
however meanwhile moreover furthermore nevertheless nonetheless therefore thus hence instead indeed otherwise
additionally overall conversely globally similarly likewise finally firstly secondly lastly first second third
according following given including regarding concerning considering based
yes no not do does did done be is am are was were been being have has had having will would shall should can could
may might must ought let
new old other another latest recent earlier later last next
one two three four five six seven eight nine ten

`);

/** Capitalised adjectives and words that are not entities on their own. Lowercase. */
export const NOT_NAMES = set(`
western eastern northern southern central
god internet web online breaking update updated exclusive live watch read share click subscribe advertisement
photo video image source sources related reply comment comments
am pm gmt utc bst cet cest est edt pst pdt msk eet eest
`);

export const MONTHS = set(`january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec`);
export const WEEKDAYS = set('monday tuesday wednesday thursday friday saturday sunday');

/**
 * Heads of person titles ("Minister", "envoy"): a title is [modifier]* head. Lowercase.
 * A mention's title is context (its role), never part of the name.
 */
export const TITLE_HEADS = set(`
president vice-president premier chancellor minister secretary ambassador envoy aide adviser advisor counsellor
counselor spokesman spokeswoman spokesperson speaker chairman chairwoman chair chief head leader negotiator
director governor mayor senator congressman congresswoman representative lawmaker legislator diplomat
king queen prince princess emperor pope cardinal archbishop bishop rabbi imam sheikh emir sultan ayatollah
general gen admiral colonel col lieutenant lt major captain capt sergeant sgt commander marshal officer
professor prof dr doctor judge justice prosecutor attorney lawyer inspector detective superintendent commissioner
ceo cfo founder executive analyst official correspondent reporter editor economist researcher scientist expert
coach manager mr mrs ms miss sir lord lady dame
`);

/** Words that modify a title ("Defense Minister", "former Culture Minister", "Special Envoy"). Lowercase. */
export const TITLE_MODIFIERS = set(`
former ex then deputy vice prime first second acting interim senior top chief special presidential personal
foreign defense defence interior home finance treasury economy economic trade culture cultural justice health
education energy environment agriculture transport labour labor security intelligence military press
national state federal regional general supreme crown attorney executive managing assistant associate
foreign-affairs
`);

/** Organisation head words ("Ministry", "Committee", "University"). Lowercase. */
export const ORG_WORDS = set(`
ministry committee commission council service services agency university college institute institution school
senate parliament congress assembly duma cabinet government administration authority authorities board bureau
department office court tribunal party bank fund foundation association federation union league alliance
organization organisation corporation company corp inc ltd llc plc ag gmbh group holdings network channel broadcasting
television radio news newspaper times post journal herald tribune gazette telegraph agency economist
army navy forces force guard guards command police militia brigade battalion regiment
center centre hospital club team society secretariat directorate commissariat movement front
nations survey cross crescent
`);

/** Place head words ("Black Sea", "Ciragan Palace"). Lowercase. */
export const GEO_WORDS = set(`
sea ocean river lake mountain mountains mount island islands bay gulf strait peninsula valley desert coast canal
palace square street avenue road bridge airport port harbour harbor province region oblast county city town
village district territory territories republic kingdom state emirate border plain plains forest park castle
cathedral mosque church tower hotel stadium base airbase prison station plant
`);

/** Event head words ("Winter Olympics", "Operation Spiderweb"). Lowercase. */
export const EVENT_WORDS = set(`
war wars summit conference games olympics cup championship championships festival election elections revolution
crisis massacre battle siege uprising offensive campaign protests protest earthquake hurricane storm typhoon
cyclone flood floods attack attacks bombing bombings shooting talks forum operation
`);

/** Lowercase words just before a name that say "place". */
export const PLACE_PREPOSITIONS = set('in at near from across into toward towards outside inside around throughout within via');

/** Verbs or phrases that name the next capitalised phrase ("codenamed", "operation"). Lowercase. */
export const NAMING_CUES = set('operation called dubbed named codenamed code-named nicknamed so-called');

/** Name particles that may stand between capitalised words of one name ("Ludwig van Beethoven"). */
export const NAME_PARTICLES = set('de da di del della dos du van von der den la le al el bin ibn bint ben abu');

/** Words in organisation names that carry no identity ("Ministry of Foreign Affairs" = "Foreign Ministry"). */
export const ORG_FILLER = set('of the and for on affairs');
