// Countries, their other names and their demonyms: general knowledge used to type a name as a place
// and to let "Ukrainian" or "U.S." join the country they stand for. Regular demonyms ("Russian" from
// "Russia") are derived by rule in demonymStem(); only the irregular ones are listed.
import { foldName } from './fold';

const COUNTRIES = `Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas
Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria
Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros Congo Croatia Cuba Cyprus Czechia Denmark
Djibouti Dominica Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia Germany
Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland
Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho
Liberia Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania
Mauritius Mexico Micronesia Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nauru Nepal
Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palau Palestine Panama Paraguay Peru Philippines Poland
Portugal Qatar Romania Russia Rwanda Samoa Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain
Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkey Turkmenistan
Tuvalu Uganda Ukraine Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe Europe Africa Asia
America Scotland Wales England Britain`;

/** National capitals, which often stand for their government ("Moscow insisted", "Washington warned"). */
const CAPITALS = `Kabul Tirana Algiers Luanda Yerevan Canberra Vienna Baku Manama Dhaka Minsk Brussels Sarajevo Brasilia Sofia
Ottawa Santiago Beijing Bogota Zagreb Havana Nicosia Prague Copenhagen Cairo Tallinn Helsinki Paris Tbilisi Berlin
Accra Athens Budapest Reykjavik Delhi Jakarta Tehran Baghdad Dublin Jerusalem Rome Tokyo Amman Astana Nairobi
Pristina Bishkek Riga Beirut Tripoli Vilnius Luxembourg Valletta Chisinau Ulaanbaatar Podgorica Rabat Kathmandu
Amsterdam Wellington Abuja Pyongyang Skopje Oslo Muscat Islamabad Ramallah Panama Lima Manila Warsaw Lisbon Doha
Bucharest Moscow Kigali Riyadh Dakar Belgrade Singapore Bratislava Ljubljana Mogadishu Pretoria Seoul Madrid Khartoum
Stockholm Bern Damascus Taipei Dushanbe Bangkok Tunis Ankara Ashgabat Kampala Kyiv London Washington
Montevideo Tashkent Caracas Hanoi Sanaa Lusaka Harare`;

/**
 * Other names for one place; the first is the canonical one. A form written `~Form` is a demonym or people
 * word ("~French"), which joins the place but never names it.
 */
const ALIASES: readonly string[] = [
  'United States|United States of America|US|U.S.|USA|U.S.A.|America|~American|~Americans',
  'United Kingdom|UK|U.K.|Britain|Great Britain|~British|~Briton|~Britons',
  'Kyiv|Kiev', 'European Union|EU|E.U.', 'United Arab Emirates|UAE|U.A.E.|~Emirati', 'Turkey|Türkiye|Turkiye',
  'Czech Republic|Czechia|~Czech', 'Netherlands|Holland|~Dutch', 'Myanmar|Burma|~Burmese', 'Saudi Arabia|~Saudi',
  'South Africa|~South African', 'South Korea|~South Korean', 'North Korea|DPRK|~North Korean',
  'New Zealand|~New Zealander', 'Sri Lanka|~Sri Lankan', 'Ivory Coast|Côte d\'Ivoire|~Ivorian', 'Vatican|Holy See',
  'France|~French', 'Switzerland|~Swiss', 'Greece|~Greek', 'Poland|~Polish', 'Denmark|~Danish', 'Finland|~Finnish',
  'Sweden|~Swedish', 'Spain|~Spanish', 'Ireland|~Irish', 'Wales|~Welsh', 'Scotland|~Scottish|~Scots',
  'England|~English', 'Thailand|~Thai', 'Philippines|~Filipino|~Philippine', 'Norway|~Norwegian',
  'Argentina|~Argentine|~Argentinian', 'Belgium|~Belgian', 'Iceland|~Icelandic', 'Cyprus|~Cypriot',
  'Lebanon|~Lebanese', 'Malta|~Maltese', 'Slovakia|~Slovak', 'Peru|~Peruvian', 'Afghanistan|~Afghan',
  'Kazakhstan|~Kazakh', 'Uzbekistan|~Uzbek', 'Tajikistan|~Tajik', 'Kyrgyzstan|~Kyrgyz', 'Turkmenistan|~Turkmen',
  'Pakistan|~Pakistani', 'Kurdistan|~Kurdish|~Kurds', 'Bangladesh|~Bangladeshi', 'Somalia|~Somali',
  'Nepal|~Nepali|~Nepalese', 'Congo|~Congolese', 'Madagascar|~Malagasy',
];

export interface PlaceInfo {
  /** Canonical name of the country or region. */
  name: string;
  /** The form is an adjective/people word ("Ukrainian"), not the place's own name. */
  demonym: boolean;
}

const KNOWN = new Map<string, PlaceInfo>();
for (const c of CAPITALS.split(/\s+/)) KNOWN.set(foldName(c), { name: c, demonym: false });
for (const c of COUNTRIES.split(/\s+/)) KNOWN.set(foldName(c), { name: c, demonym: false });
for (const line of ALIASES) {
  const forms = line.split('|');
  const name = forms[0];
  for (const f of forms) KNOWN.set(foldName(f.replace(/^~/, '')), { name, demonym: f.startsWith('~') });
}

/** The country (or region) a name or demonym stands for, from general knowledge; undefined when unknown. */
export function knownPlace(form: string): PlaceInfo | undefined {
  return KNOWN.get(foldName(form));
}

let demonymCache = new Map<string, string | null>();
let olderDemonyms = new Map<string, string | null>();

const DEMONYM_SUFFIXES = ['ians', 'ian', 'ans', 'an', 'ish', 'ese', 'is', 'i', 'ic', 'n', ''];

/** The stems a place's demonyms start from: "russia" -> "russ", "turkey" -> "turk", "germany" -> "german". */
export function placeStems(place: string): string[] {
  const p = foldName(place);
  return [...new Set([p, p.replace(/[aeiouy]+$/, ''), p.replace(/(ia|ea|ey|y|a|e|o)$/, '')])].filter((s) => s.length >= 3);
}

/**
 * How well `word` reads as a regular demonym of `place` ("Russian"/"Russia", "Turkish"/"Turkey",
 * "German"/"Germany", "Chinese"/"China", "Israeli"/"Israel"): the length of the place stem it starts
 * with, 0 when it is not one. The longest stem wins between places ("Nigerian": Nigeria over Niger).
 */
export function demonymMatch(word: string, place: string): number {
  const w = foldName(word);
  const p = foldName(place);
  if (w === p || p.includes(' ') !== w.includes(' ')) return 0;
  let best = 0;
  for (const stem of placeStems(p)) {
    const rest = w.slice(stem.length);
    // The bare stem is a demonym only for "-y" countries ("German"/"Germany"), not "Roman"/"Romania".
    if (rest === '' && !p.endsWith('y')) continue;
    if (w.startsWith(stem) && DEMONYM_SUFFIXES.includes(rest) && stem.length > best) best = stem.length;
  }
  return best;
}

/** The word minus each demonym suffix it might carry: the keys under which its place is looked up. */
export function demonymStems(word: string): string[] {
  const w = foldName(word);
  const out: string[] = [];
  for (const suf of DEMONYM_SUFFIXES) {
    if (suf && w.endsWith(suf) && w.length - suf.length >= 3) out.push(w.slice(0, w.length - suf.length));
  }
  return out;
}

const COUNTRY_BY_STEM = new Map<string, string[]>();
for (const c of COUNTRIES.split(/\s+/)) {
  for (const s of placeStems(c)) COUNTRY_BY_STEM.set(s, [...(COUNTRY_BY_STEM.get(s) ?? []), c]);
}

/** The country a regular demonym stands for ("Ukrainian" -> "Ukraine"), from general knowledge. */
export function countryOfDemonym(word: string): string | undefined {
  let hit = demonymCache.get(word);
  if (hit === undefined) {
    // two generations, as foldName's cache: an archive's vocabulary outgrows the bound
    hit = olderDemonyms.get(word) ?? findCountryOfDemonym(word) ?? null;
    if (demonymCache.size >= 100_000) {
      olderDemonyms = demonymCache;
      demonymCache = new Map();
    }
    demonymCache.set(word, hit);
  }
  return hit ?? undefined;
}

function findCountryOfDemonym(word: string): string | undefined {
  let best: string | undefined;
  let len = 0;
  for (const stem of demonymStems(word)) {
    for (const c of COUNTRY_BY_STEM.get(stem) ?? []) {
      const n = demonymMatch(word, c);
      if (n > len) { best = c; len = n; }
    }
  }
  return best;
}
