/**
 * The article analysis (text, HTML, Markdown and PDF extraction, metadata, dates), loaded on first use.
 * Its modules (chrono-node, yaml, marked, franc, Readability…) take longer to load than a command such as
 * `parallax list` takes to run, so only the features that analyse (import, re-analyse, replace the text)
 * load it; bench/cli-startup.ts measures the start-up it saves, transports/cli/start-up.test.ts keeps it
 * out of `list`.
 */
export const loadAnalysis = () => import('./analyse-job');
