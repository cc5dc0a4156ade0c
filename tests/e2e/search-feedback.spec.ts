import { expect, test } from './fixtures';
import { SearchPage } from './pages/search-page';

type Imported = { value: { imported: { id: string }[] } };

const FILLER = ['harbour', 'cricket', 'violin', 'orchard', 'granite', 'lantern', 'pepper', 'saddle', 'canvas', 'marble', 'copper', 'meadow', 'ribbon'];
/** Articles on other things, so that the words of one topic are rare enough in the notebook to be telling. */
const filler = FILLER.flatMap((w) => [
  [`Notes on the ${w}`, `This is a short piece about the ${w}. People who care about the ${w} wrote to us about their ${w} this week.`],
  [`More about the ${w}`, `The ${w} season has started again, and the ${w} prices are higher than they were last year.`],
]);
const topic = [
  ['Gliders over the hills', 'Glider pilots climb in a thermal. Soaring along the ridge, ridge lift keeps a glider soaring for the whole afternoon.'],
  ['A thermal guide', 'A glider thermal guide for beginners: soaring pilots centre the thermal and then use ridge lift, soaring for hours.'],
  ['Ridge records', 'Soaring weather was good this spring: ridge soaring and ridge lift kept the pilots soaring until the evening.'],
  ['Rain in the city', 'The weather report for the city: rain all day, weather warnings for the roads and more bad weather tomorrow.'],
];

test('a question no article answers with every word is ranked also by the words its best matches share, and the label names them', async ({
  page,
  server,
}) => {
  test.slow(); // thirty articles are imported first
  for (const [title, text] of [...filler, ...topic]) {
    const r = (await server.api('articles.importText', { title, text })) as Imported;
    expect(r.value.imported).toHaveLength(1);
  }
  // Imports are indexed in the background: wait until the last one is searchable.
  const found = async () => ((await server.api('search.query', { query: 'tomorrow', limit: 5, offset: 0 })) as { value: { total: number } }).value.total;
  await expect.poll(found, { timeout: 30_000 }).toBe(1);
  const search = new SearchPage(page);
  await page.goto(server.url);
  await page.keyboard.press('Control+k');
  const question = 'glider thermal weather in zanzibar';
  await search.search(question);
  const label = page.getByTestId('search-relaxed');
  await expect(label).toContainText(`No article has all of “${question}”; showing articles with most of them, ranked also by words the best matches share: `);
  await expect(label).toContainText('soaring');
  // The two glider articles hold two typed words each; then the one on soaring with one typed word comes
  // before the weather report that repeats its typed word three times.
  const titles = search.hits.locator('.search-hit__title');
  await expect(titles).toHaveText([/Gliders over the hills|A thermal guide/, /Gliders over the hills|A thermal guide/, 'Ridge records', 'Rain in the city']);
  // Each hit still shows why it matched: a typed word marked (stemmed: "Gliders" for glider).
  for (const hit of await search.hits.all()) await expect(hit.locator('mark.mark--search-hit').first()).toHaveText(/^(gliders?|thermal|weather)$/i);
});
