// Copied unchanged (but for this note) from the developers' reference folder, shared/bench/make-corpus.mjs
// (written for this project; MIT like the rest of it), so that the benchmarks and tests need nothing
// outside the repository.
// Deterministic news-article corpus generator.
// Usage: node make-corpus.mjs OUTDIR N [SEED] [--long P]
// Writes OUTDIR/YYYY/MM/slug.md with YAML frontmatter + Markdown body.
// --long P: a share P (0..1) of the stories are long documents of 100-850 KB (release notes, live
// blogs, court rulings: long lists of links, code spans, tables), as real archives hold.
import fs from 'node:fs';
import path from 'node:path';

const argv = process.argv.slice(2);
const li = argv.indexOf('--long');
const LONG = li >= 0 ? Number(argv.splice(li, 2)[1]) : 0;
const [outDir, nArg, seedArg] = argv;
if (!outDir || !nArg || !(LONG >= 0 && LONG <= 1)) { console.error('usage: node make-corpus.mjs OUTDIR N [SEED] [--long P]'); process.exit(2); }
const N = Number(nArg);

// mulberry32: small seeded PRNG, same sequence on every run
let s = Number(seedArg ?? 20240601) >>> 0;
const rnd = () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const int = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const chance = (p) => rnd() < p;
const fill = (tpl) => tpl.replace(/\{(\w+)\}/g, (_, k) => (k === 'n' ? String(int(2, 40)) : pick(V[k])));

// ---------- vocabulary ----------
const V = {
  place: ['Peshawar', 'Quetta', 'Karachi', 'Lahore', 'Islamabad', 'Rawalpindi', 'Bannu', 'Dera Ismail Khan', 'Swat',
    'North Waziristan', 'South Waziristan', 'Khyber', 'Bajaur', 'Mardan', 'Kohat', 'Lakki Marwat', 'Gwadar', 'Turbat',
    'Chaman', 'Zhob', 'Multan', 'Faisalabad', 'Hyderabad', 'Sukkur', 'Gilgit', 'Chitral', 'Mohmand', 'Kurram',
    'Orakzai', 'Tank', 'Charsadda', 'Nowshera', 'Abbottabad', 'Mansehra', 'Sialkot', 'Gujranwala', 'Larkana',
    'Khuzdar', 'Panjgur', 'Skardu'],
  org: ['ISPR', 'TTP', 'CTD', 'ECP', 'NAB', 'FIA', 'NDMA', 'SBP', 'FBR', 'PTA', 'interior ministry', 'foreign office',
    'finance ministry', 'provincial health department', 'district police', 'chief minister\'s office'],
  subj: ['Security officials', 'A senior police officer', 'The provincial government', 'Residents of {place}',
    'The military\'s media wing', 'Opposition lawmakers', 'Analysts in {place}', 'A spokesperson for the {org}',
    'Witnesses', 'District administration officials', 'The finance minister', 'Traders in {place}', 'Health workers',
    'Rescue teams', 'Tribal elders', 'A government official who asked not to be named', 'The {org}'],
  verb: ['said', 'confirmed', 'told reporters', 'warned', 'announced', 'claimed', 'said on {day}', 'noted', 'insisted'],
  clause: ['that at least {n} people had been killed in the attack', 'that an operation was under way near {place}',
    'that the talks would resume next week', 'that the budget would include relief for salaried workers',
    'that the curfew had been lifted in parts of {place}', 'that {n} suspects had been taken into custody',
    'that mobile internet would remain suspended in {place}', 'that the inquiry report would be made public',
    'that prices of essential items had risen by {n} per cent', 'that the highway to {place} had been reopened',
    'that the {org} had been asked to submit a detailed report', 'that compensation would be paid to the families',
    'that the attackers had crossed over from the border area', 'that polling would be held as scheduled',
    'that the power outages would end by the {ord} week of the month', 'that the case would be heard on {day}',
    'that security had been tightened around government buildings in {place}', 'that the militants had fled'],
  tail: [', according to a statement', ' after a meeting chaired by the chief minister', ' despite repeated assurances',
    ' late on {day}', '', '', ' in a press conference in {place}', ' while speaking to the media', ', sources added'],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  ord: ['first', 'second', 'third', 'last'],
  extra: ['The situation remained tense but under control.', 'No group immediately claimed responsibility.',
    'Officials said the death toll could rise.', 'The development drew sharp criticism from the opposition.',
    'Markets reacted cautiously to the news.', 'Schools in the area remained closed as a precaution.',
    'The injured were shifted to a nearby hospital, where {n} were said to be in critical condition.',
    'It was the {ord} such incident in {place} this month.', 'Further details were awaited.'],
  quote: ['We will not allow anyone to disturb the peace of {place}', 'The people of this province have suffered enough',
    'Our forces remain on high alert and will respond to every threat', 'This budget is about relief, not slogans',
    'We have been waiting for {n} days and nobody has come to help us', 'The law will take its course',
    'Dialogue is the only way forward', 'We demand a transparent inquiry into the incident'],
  head: ['Background', 'Reaction', 'What happens next', 'Security concerns', 'Economic impact', 'Political fallout'],
  first: ['Asad', 'Sana', 'Imran', 'Ayesha', 'Bilal', 'Fatima', 'Hamza', 'Zainab', 'Usman', 'Mehreen', 'Tariq', 'Nida'],
  last: ['Khan', 'Ahmed', 'Yousafzai', 'Baloch', 'Qureshi', 'Shah', 'Malik', 'Afridi', 'Durrani', 'Hussain'],
  titleA: ['Militants attack', 'Police raid', 'Protest in', 'Floods hit', 'Talks stall over', 'Court rules on',
    'Blast rocks', 'Curfew imposed in', 'Relief reaches', 'Prices surge in', 'Polls delayed in', 'Operation launched in'],
  titleB: ['security checkpost', 'market', 'district', 'border town', 'highway', 'university', 'power station', 'city'],
};
const acronyms = ['TTP', 'ISPR', 'KP', 'PTI', 'PPP', 'PML-N', 'ECP', 'NAB', 'FIA', 'CTD', 'IMF', 'SBP', 'PDM', 'JUI-F',
  'MQM-P', 'BLA', 'FATA', 'NACTA', 'PTA', 'PEMRA', 'FBR', 'CPEC', 'NDMA', 'PDMA', 'LHC', 'IHC', 'SHC', 'PHC', 'UN',
  'US', 'EU', 'ANP', 'BAP', 'TLP', 'WAPDA', 'NEPRA', 'OGRA', 'SECP', 'PIA', 'NADRA'];
const topics = ['Counter Terrorism', 'Federal Budget', 'Border Security', 'Monsoon Floods', 'Polio Campaign',
  'Power Tariffs', 'Fuel Prices', 'Cross-Border Trade', 'Afghan Refugees', 'Judicial Reform', 'Press Freedom',
  'Climate Change', 'Public Health', 'Water Shortage', 'Wheat Procurement', 'Cricket', 'Education Reform',
  'Higher Education', 'Digital Rights', 'Internet Shutdowns', 'Missing Persons', 'Human Rights', 'Foreign Policy',
  'Debt Restructuring', 'Tax Collection', 'Inflation', 'Energy Crisis', 'Circular Debt', 'Road Safety', 'Tourism',
  'Heritage', 'Mining', 'Gas Shortage', 'Railways', 'Aviation', 'Agriculture', 'Textiles', 'Exports', 'Remittances',
  'Stock Market', 'Property Market', 'Local Government', 'By-Elections', 'General Elections', 'Senate Elections',
  'Census', 'Drone Strikes', 'Intelligence-Based Operation', 'Police Reform', 'Prison Reform', 'Child Protection',
  'Women Rights', 'Minorities', 'Smog', 'Heatwave', 'Earthquake', 'Dengue', 'Hockey', 'Football', 'Squash'];
const combos = ['Police', 'Courts', 'Floods', 'Elections', 'Schools', 'Protests'].flatMap((x) => V.place.map((p) => `${p} ${x}`));
const TAGS = [...acronyms, ...topics, ...V.place, ...combos].slice(0, 300); // ~300, popular ones first
const SECTIONS = ['National', 'Provinces', 'Business', 'World', 'Sport', 'Opinion', 'Technology', 'Health'];

// ---------- builders ----------
const sentence = () => `${fill(pick(V.subj))} ${fill(pick(V.verb))} ${fill(pick(V.clause))}${fill(pick(V.tail))}.`;
const words = (t) => t.split(/\s+/).length;
const slugify = (t) => t.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
function paragraph(target, dateline) {
  let p = dateline ? `**${dateline.toUpperCase()}:** ` : '';
  while (words(p) < target) {
    let sen = chance(0.2) ? fill(pick(V.extra)) : sentence();
    if (chance(0.04)) sen = sen.replace(/(\w+)\.$/, '*$1*.');
    p += (p && !p.endsWith(' ') ? ' ' : '') + sen;
  }
  return p;
}
const person = () => `${pick(V.first)} ${pick(V.last)}`;
const blockquote = () => `> “${fill(pick(V.quote))},” ${person()}, ${pick(['a local resident', 'the district police officer', 'a provincial minister', 'an opposition leader', 'a trader'])}, ${pick(['said', 'told reporters', 'said in a statement'])}.`;
const list = () => ['Key points from the announcement:', '', ...Array.from({ length: int(3, 5) }, () => `- ${fill(pick(V.clause)).replace(/^that /, '').replace(/^./, (c) => c.toUpperCase())}`)].join('\n');
const table = () => ['| District | Deaths | Injured |', '| --- | ---: | ---: |',
  ...Array.from({ length: int(3, 6) }, () => `| ${pick(V.place)} | ${int(0, 40)} | ${int(0, 120)} |`)].join('\n');
const withLink = (p) => { const o = pick(V.org); return `${p} The full text was posted on the [${o} website](https://example.com/${slugify(o)}/${int(1000, 99999)}).`; };

// A long document: a live blog or release-notes page, 100-850 KB of lists, links, code spans and tables.
function longBody(place) {
  const target = int(100, 850) * 1024, blocks = [];
  let size = 0, entry = 0;
  while (size < target) {
    const b = [];
    b.push(`## ${pick(V.day)} ${int(1, 28)}: ${pick(V.head)} (${++entry})`, '');
    for (let k = int(8, 30); k > 0; k--) {
      const o = pick(V.org);
      b.push(`* \`${slugify(o)}\`: ${fill(pick(V.clause)).replace(/^that /, '')} [#${int(1000, 99999)}](https://example.com/${slugify(o)}/${int(1000, 99999)}) (${person()})`);
    }
    b.push('', paragraph(int(40, 120), null));
    if (chance(0.15)) b.push('', table());
    const text = b.join('\n');
    blocks.push(text); size += text.length;
  }
  return blocks;
}

function article(i) {
  const start = Date.UTC(2022, 0, 1), span = 3 * 365 * 86400e3;      // ~3 years
  const local = new Date(start + Math.floor(rnd() * span));            // wall-clock time in +05:00
  const iso = local.toISOString().slice(0, 19) + '+05:00';
  const place = pick(V.place);
  const title = `${pick(V.titleA)} ${pick(V.titleB)} in ${place}${chance(0.3) ? `, ${int(2, 40)} killed` : ''}`;
  const tags = [...new Set(Array.from({ length: int(1, 4) }, () => TAGS[Math.floor(TAGS.length * rnd() ** 2.2)]))];
  const nPara = int(6, 12), perPara = Math.round(int(430, 790) / nPara);
  const long = LONG > 0 && chance(LONG);
  const blocks = long ? [paragraph(perPara, place), ...longBody(place)] : [];
  for (let k = 0; k < (long ? 0 : nPara); k++) {
    let p = paragraph(perPara, k === 0 ? place : null);
    if (k > 0 && chance(0.06)) p = withLink(p);
    blocks.push(p);
    if (k === 1 && chance(0.8)) blocks.push(blockquote());
    if (k === 3 && chance(0.35)) blocks.push(`## ${pick(V.head)}`);
    if (k === 4 && chance(0.4)) blocks.push(blockquote());
    if (k === 5 && chance(0.25)) blocks.push(list());
    if (k === 2 && chance(0.1)) blocks.push(table());
  }
  const byline = chance(0.3) ? pick(['Staff Reporter', 'Our Correspondent', 'Reuters', 'AFP', 'APP']) : person();
  const fm = ['---', `title: ${JSON.stringify(title)}`, `date: ${iso}`, `byline: ${JSON.stringify(byline)}`,
    `tags: [${tags.map((t) => JSON.stringify(t)).join(', ')}]`, `section: ${JSON.stringify(pick(SECTIONS))}`,
    `summary: ${JSON.stringify(sentence())}`, '---', ''];
  const rel = path.join(iso.slice(0, 4), iso.slice(5, 7), `${slugify(title)}-${i}.md`);
  return [rel, fm.join('\n') + blocks.join('\n\n') + '\n'];
}

for (let i = 1; i <= N; i++) {
  const [rel, text] = article(i);
  fs.mkdirSync(path.join(outDir, path.dirname(rel)), { recursive: true });
  fs.writeFileSync(path.join(outDir, rel), text);
}
console.log(`wrote ${N} articles to ${outDir}`);
