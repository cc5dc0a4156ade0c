import { ParallaxError, api, savePage } from './parallax-client.js';

/**
 * The service worker: saves on the keyboard shortcut ("save-page", Alt+Shift+S) and on the popup's request,
 * so a save goes on when the popup closes. The badge says how a shortcut save went.
 */
async function flag(ok, message) {
  await api.action.setBadgeBackgroundColor({ color: ok ? '#1f7a3a' : '#b3261e' });
  await api.action.setBadgeText({ text: ok ? '✓' : '!' });
  await api.action.setTitle({ title: `Save to Parallax — ${message}` });
  setTimeout(() => void api.action.setBadgeText({ text: '' }), 5000);
}

const describe = (saved) => (saved.duplicate ? `already in Parallax: ${saved.title}` : `saved: ${saved.title}`);

api.commands.onCommand.addListener(async (command, tab) => {
  if (command !== 'save-page') return;
  const target = tab ?? (await api.tabs.query({ active: true, currentWindow: true }))[0];
  if (!target?.id) return;
  try {
    await flag(true, describe(await savePage(target.id)));
  } catch (e) {
    await flag(false, e instanceof ParallaxError ? e.message : 'the page could not be saved');
  }
});

api.runtime.onMessage.addListener((message, sender, reply) => {
  // Only this extension's own pages (the popup) may ask; content scripts and web pages cannot.
  if (sender.id !== api.runtime.id || sender.tab?.url?.startsWith('http') || message?.type !== 'save') return false;
  savePage(message.tabId, { tag: message.tag, storyId: message.storyId }).then(
    (saved) => reply({ ok: true, saved }),
    (e) => reply({ ok: false, message: e instanceof ParallaxError ? e.message : 'The page could not be saved.' }),
  );
  return true; // answered asynchronously
});
