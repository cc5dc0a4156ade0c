/**
 * The scale benchmark's articles, as the text files a user would import. Each is shaped like the sample
 * notebook's .txt files (a title line, an "Outlet – Place" line, a date line, then paragraphs), so import
 * runs the real analysis and finds a title, an outlet and a date from text cues.
 *
 * With the BBC corpus (../shared/corpora/01-bbc-news-fulltext, copies of the same text dropped): article i
 * is the paragraphs of BBC article i mod M plus the first paragraph of article (7i + 3 + ⌊i/M⌋) mod M,
 * under the BBC title with a copy number for every pass after the first, one of 12 outlets, one of 10
 * places and a date across 2004–2006. No two articles share title and body, so the importer's duplicate
 * check keeps every one (the 100k run imports 100,000 of 100,000).
 *
 * Without the corpus: a documented generator. Paragraphs of 4–7 sentences, each of 8–22 words drawn from a
 * fixed English vocabulary (~400 words) by a seeded PRNG (mulberry32), about 380 words per article (the BBC
 * average), with the same header lines. Deterministic: the same n gives the same files.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BbcSource } from './bbc-sources';
import { BENCH_OUTLETS, loadBbcSources } from './bbc-sources';
import { rng } from './bench-utils';

const OUTLETS = BENCH_OUTLETS;
const PLACES = ['London', 'Ankara', 'Damascus', 'Paris', 'Berlin', 'Cairo', 'Beirut', 'Istanbul', 'Brussels', 'Doha'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const VOCAB = (
  'the of and to in a is that for on was with he it as at by from his be have are were not but this they had ' +
  'which has one an their you after been new more two first who will would said year government minister ' +
  'people company market economy growth report police court trial election party leader president country ' +
  'city council public policy plan budget tax bank shares profit sales price oil energy power water health ' +
  'hospital school children university students research science technology internet phone computer software ' +
  'music film star award game match team player coach season league cup win lost goal club fans record ' +
  'world europe america asia africa britain france germany china india japan russia turkey syria iraq iran ' +
  'talks meeting agreement deal security defence army border peace war attack troops officials spokesman ' +
  'statement interview week month today yesterday morning evening monday tuesday wednesday thursday friday ' +
  'saturday sunday january february march april may june july august september october november december ' +
  'rise fall increase decrease higher lower strong weak early late major minor local national international ' +
  'foreign domestic federal regional central northern southern eastern western general special private ' +
  'official former current future recent previous annual quarterly monthly weekly daily analyst expert ' +
  'critic supporter opponent member director chairman chief executive manager worker union strike protest ' +
  'campaign vote voters poll survey result figures data study evidence case law rules change reform ' +
  'investment fund debt loan interest rate inflation jobs unemployment industry factory production exports ' +
  'imports trade firm group business customers service network system launch release version product design ' +
  'players championship final victory defeat injury contract transfer manager stadium crowd title race round ' +
  'album band singer actor director festival show series television radio audience viewers stage theatre ' +
  'book author novel prize judge jury lawyer prosecutor evidence sentence prison appeal ruling decision ' +
  'must could should might also still already only just even very much many most some any other such ' +
  'good best better great big small large long short high low old young right left open close free full ' +
  'make take give say tell see know think come go get find show use work call try ask need feel leave put ' +
  'mean keep let begin seem help talk turn start hold bring write provide sit stand lose pay meet include ' +
  'continue set learn lead understand watch follow stop create speak read allow add spend grow offer ' +
  'remember love consider appear buy wait serve die send expect build stay fall cut reach kill remain ' +
  'suggest raise pass sell require decide report pull develop'
).split(' ');

function syntheticSource(i: number): BbcSource {
  const rnd = rng(0x9e3779b9 ^ i);
  const word = () => VOCAB[Math.floor(rnd() * VOCAB.length)]!;
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(rnd() * (max - min + 1));
    const w = Array.from({ length: n }, word);
    w[0] = w[0]![0]!.toUpperCase() + w[0]!.slice(1);
    return `${w.join(' ')}.`;
  };
  const title = sentence(5, 9).replace(/\.$/, '');
  const paragraphs: string[] = [];
  let words = 0;
  while (words < 380) {
    const p = Array.from({ length: 4 + Math.floor(rnd() * 4) }, () => sentence(8, 22)).join(' ');
    paragraphs.push(p);
    words += p.split(' ').length;
  }
  return { title, paragraphs };
}

/**
 * `n` article texts (see the module comment). `bbcDir` is the corpus folder (or its `bbc/` sub-folder);
 * null uses the synthetic generator.
 */
export function* generatedTexts(n: number, bbcDir: string | null): Generator<string> {
  const sources = bbcDir ? loadBbcSources(bbcDir, { dedupe: true }) : null;
  const m = sources?.length ?? 0;
  for (let i = 0; i < n; i++) {
    let title: string;
    let paragraphs: string[];
    if (sources) {
      const a = sources[i % m]!;
      const b = sources[(i * 7 + 3 + Math.floor(i / m)) % m]!;
      const pass = Math.floor(i / m);
      title = pass ? `${a.title} (${pass + 1})` : a.title;
      paragraphs = [...a.paragraphs, b.paragraphs[0]!];
    } else {
      ({ title, paragraphs } = syntheticSource(i));
    }
    const outlet = OUTLETS[i % OUTLETS.length]!;
    const place = PLACES[Math.floor(i / OUTLETS.length) % PLACES.length]!;
    const day = 1 + (i % 28);
    const month = MONTHS[Math.floor(i / 28) % 12]!;
    const year = 2004 + (Math.floor(i / 336) % 3);
    yield [title, `${outlet} – ${place}`, `${day} ${month} ${year}`, '', paragraphs.join('\n\n'), ''].join('\n');
  }
}

/**
 * What the files under `dir` take: `bytes`, their apparent size (`du --apparent-size`), and `allocated`,
 * the blocks the file system gave them (`du`), which counts a 4 KiB block for every small file.
 */
export function diskUsage(dir: string): { bytes: number; allocated: number } {
  const total = { bytes: 0, allocated: 0 };
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    const sub = s.isDirectory() ? diskUsage(path) : { bytes: s.size, allocated: 0 };
    total.bytes += sub.bytes;
    total.allocated += sub.allocated + s.blocks * 512;
  }
  return total;
}

/** Files per folder, and so per `articles.importPaths` call (a user imports a folder at a time). */
export const FOLDER_SIZE = 10_000;

/** Writes the `n` texts as .txt files in folders of FOLDER_SIZE under `root`; returns the folders in order. */
export function writeCorpusFolders(root: string, n: number, bbcDir: string | null): string[] {
  const folders: string[] = [];
  let i = 0;
  for (const text of generatedTexts(n, bbcDir)) {
    if (i % FOLDER_SIZE === 0) {
      folders.push(join(root, String(folders.length).padStart(3, '0')));
      mkdirSync(folders.at(-1)!, { recursive: true });
    }
    writeFileSync(join(folders.at(-1)!, `${String(i++).padStart(6, '0')}.txt`), text);
  }
  return folders;
}
