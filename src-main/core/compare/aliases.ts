/**
 * Names that spelling cannot join: nicknames of given names and other names of one organisation. Data,
 * not rules: a line per person's given name or per organisation, every form the news uses. Keys are
 * name keys (names.ts `nameKey`: lower case, accents and "al-" dropped, no punctuation).
 */

/** English given names and their usual short forms. A short form that belongs to two names is on both lines. */
const GIVEN_NAMES = [
  'charles chuck charlie chas',
  'william bill billy will willie liam',
  'robert bob bobby rob robbie bert',
  'richard dick rick ricky rich richie',
  'james jim jimmy jamie',
  'john jack johnny jon',
  'joseph joe joey',
  'thomas tom tommy',
  'michael mike mikey mick',
  'edward ed eddie ted teddy ned',
  'theodore ted teddy theo',
  'anthony tony',
  'antonio tony',
  'christopher chris kit',
  'christine chris chrissy',
  'daniel dan danny',
  'david dave davey',
  'donald don donnie',
  'douglas doug',
  'frederick fred freddie freddy fritz',
  'gerald gerry jerry',
  'gregory greg',
  'henry hank harry',
  'harold harry hal',
  'jacob jake',
  'jeffrey jeff',
  'joshua josh',
  'kenneth ken kenny',
  'lawrence larry',
  'leonard leo len lenny',
  'matthew matt',
  'mitchell mitch',
  'nathaniel nate nat',
  'nicholas nick nicky',
  'patrick pat paddy',
  'peter pete',
  'philip phil',
  'raymond ray',
  'ronald ron ronnie',
  'samuel sam sammy',
  'stephen steve stevie',
  'steven steve stevie',
  'timothy tim timmy',
  'vincent vince vinnie',
  'walter walt wally',
  'zachary zach zack',
  'alexander alex sandy',
  'alexandra alex sandra',
  'andrew andy drew',
  'benjamin ben benny',
  'abraham abe',
  'albert al bert',
  'alfred alf fred',
  'catherine kate katie cathy kathy',
  'katherine kate katie kathy',
  'kathryn kate katie kathy',
  'elizabeth liz beth betty betsy lisa eliza',
  'margaret maggie meg peggy',
  'patricia pat patty tricia',
  'rebecca becky',
  'susan sue susie',
  'deborah debbie deb',
  'jennifer jen jenny',
  'victoria vicky tori',
  'barbara barb',
  'dorothy dot dottie',
  'nancy nan',
  'judith judy',
  'pamela pam',
  'cynthia cindy',
  'melissa missy',
  'hillary hill',
  'bernard bernie',
  'mohammed muhammad mohamed mohammad mehmet',
];

/** Organisations and groups known by several names: the first form is the one shown. */
const ORGANISATIONS = [
  'islamic state|isis|isil|daesh|is|islamic state of iraq and syria|islamic state of iraq and the levant|islamic state group',
  'republican party|gop|republicans|grand old party',
  'democratic party|democrats',
  'european union|eu',
  'united nations|un|u n',
  'north atlantic treaty organization|nato|north atlantic treaty organisation',
  'federal bureau of investigation|fbi',
  'central intelligence agency|cia',
  'world health organization|who|world health organisation',
  'kurdistan workers party|pkk',
  'syrian democratic forces|sdf',
  'hayat tahrir al sham|hts|hayat tahrir sham',
  'internal revenue service|irs',
  'supreme court|scotus',
  'centers for disease control and prevention|cdc|centers for disease control',
];

/** Short forms that are ordinary words unless written in capitals ("IS", "WHO", "UN"). */
export const CAPITALS_ONLY = new Set(['is', 'who', 'un', 'eu', 'u n']);

function table(lines: string[], sep: RegExp): Map<string, number> {
  const out = new Map<string, number>();
  lines.forEach((line, i) => {
    for (const form of line.split(sep)) {
      const key = form.trim();
      if (!key) continue;
      // A short form on two lines (Chris: Christopher, Christine) keeps its first line; both lines are tried below.
      out.set(key, out.has(key) ? out.get(key)! : i);
    }
  });
  return out;
}

/** Given-name key -> the lines it is on. */
const givenIndex = new Map<string, number[]>();
GIVEN_NAMES.forEach((line, i) => {
  for (const w of line.split(' ')) givenIndex.set(w, [...(givenIndex.get(w) ?? []), i]);
});
export const ORGANISATION_FORMS = ORGANISATIONS.map((l) => l.split('|'));
const organisationIndex = table(ORGANISATIONS, /\|/);

/** Can two given-name keys name the same person ("chuck" and "charles", "ted" and "edward")? */
export function givenNamesAlike(a: string, b: string): boolean {
  if (a === b) return true;
  const la = givenIndex.get(a);
  const lb = givenIndex.get(b);
  return !!la && !!lb && la.some((l) => lb.includes(l));
}

/** Is this key a given name of the table ("charles", "chuck")? */
export const isGivenName = (key: string) => givenIndex.has(key);

/** The organisation line a name (its word keys joined by spaces) belongs to, or -1. */
export function organisationOf(key: string): number {
  return organisationIndex.get(key) ?? -1;
}
