import { ParallaxError, api, findApp, forgetPairing, pair, setPort, settings, stories } from './parallax-client.js';

/**
 * The popup: says whether Parallax is running and paired, pairs with the code the app shows, and saves the
 * tab with an optional tag and story. Opened as a page with `?tab=<id>`, it saves that tab instead of the
 * active one (its own tab would be the active one then).
 */
const $ = (id) => document.getElementById(id);
const show = (id, on) => ($(id).hidden = !on);
const say = (text) => ($('status').textContent = text);
const result = (text, error = false) => {
  $('result').textContent = text;
  $('result').className = error ? 'error' : '';
};
const messageOf = (e) => (e instanceof ParallaxError ? e.message : 'Something went wrong; try again.');

async function targetTab() {
  const given = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(given) && given > 0) return given;
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function refresh() {
  const { port } = await settings();
  $('port').value = port ?? '';
  show('pair-form', false);
  show('save-form', false);
  say('Looking for Parallax…');
  const app = await findApp();
  if (!app) {
    say('Parallax is not running on this computer. Start it (the app, or "parallax serve"), then open this again.');
    return;
  }
  if (!app.paired) {
    say(`Parallax is running (port ${app.port}), but this browser is not paired with it yet.`);
    show('pair-form', true);
    $('code').focus();
    return;
  }
  say(`Connected to Parallax (port ${app.port}).`);
  show('save-form', true);
  const select = $('story');
  select.replaceChildren(new Option('None', ''));
  try {
    for (const s of await stories()) select.append(new Option(s.name, s.id));
  } catch {
    /* the menu stays at None: saving still works */
  }
  $('save').focus();
}

$('pair-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  result('');
  try {
    await pair($('code').value);
    $('code').value = '';
    result('Paired. This browser can now save pages to Parallax.');
    await refresh();
  } catch (err) {
    result(messageOf(err), true);
  }
});

$('save-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  result('Saving…');
  $('save').disabled = true;
  try {
    const tabId = await targetTab();
    if (!tabId) throw new ParallaxError('There is no tab to save.');
    const answer = await api.runtime.sendMessage({
      type: 'save',
      tabId,
      tag: $('tag').value.trim() || undefined,
      storyId: $('story').value || undefined,
    });
    if (!answer?.ok) throw new ParallaxError(answer?.message ?? 'The page could not be saved.');
    const { saved } = answer;
    const note =
      saved.highlight === 'added'
        ? ' The selection is highlighted.'
        : saved.highlight === 'not-found'
          ? ' The selection was not found in the article’s text, so it is not highlighted.'
          : '';
    result(`${saved.duplicate ? 'Already in Parallax' : 'Saved to Parallax'}: “${saved.title}”.${note}`);
  } catch (err) {
    result(messageOf(err), true);
  } finally {
    $('save').disabled = false;
  }
});

$('use-port').addEventListener('click', async () => {
  const text = $('port').value.trim();
  const port = text === '' ? null : Number(text);
  if (port !== null && !(Number.isInteger(port) && port > 0 && port < 65536)) return result('A port is a number from 1 to 65535.', true);
  await setPort(port);
  result('');
  await refresh();
});

$('forget').addEventListener('click', async () => {
  await forgetPairing();
  result('This browser is no longer paired with Parallax.');
  await refresh();
});

void refresh();
