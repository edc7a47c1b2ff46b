// Drives `report-gen serve` in the system Chromium, as a person with the editor beside the
// browser would use it.
//
//   node tests/browser/serve.mjs --bin target/debug/report-gen --data tests/fixtures/minimal \
//       [--screenshots DIR]
//   node tests/browser/serve.mjs --bin target/release/report-gen --data data --year 2023 \
//       --bench 30 --anchor "uczestniczyli w Dniach Kultury Polskiej"
//
// Copies the data into a temporary folder, starts `report-gen serve --port 0` on it, opens the
// page and checks, without ever reloading the page itself:
//   1. an edit of the year file appears in the page, the page is not reloaded and keeps its
//      scroll position;
//   2. a bad date shows the overlay with the file and the line, the last good chapter stays
//      beneath it;
//   3. the fix removes the overlay and shows the new text;
//   4. the page made no request to anything but the server (and data: URLs).
// (The edits are those of tests/fixtures/minimal's 2022.) With --screenshots DIR it saves the
// page without and with the overlay. With --bench N it instead saves the year file N times,
// adding a word after --anchor TEXT, and prints the median and 90th percentile of
// save → DOM changed; then check 4 only.
// Every wait is bounded; the server is killed at the end. Exit code: 0 all good, 1 a check
// failed, 2 could not run.

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL_HINT = 'run tests/browser/install.sh (installs Debian chromium and the npm packages)';
const WAIT_MS = 15000;

function usage(message) {
  console.error(`serve.mjs: ${message}`);
  console.error('usage: node tests/browser/serve.mjs --bin BINARY --data DIR [--year Y] [--screenshots DIR] [--bench N]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { year: '2022', screenshots: null, bench: 0, anchor: null };
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i] ?? usage(`${argv[i - 1]} needs a value`);
    switch (argv[i]) {
      case '--bin': opts.bin = resolve(value()); break;
      case '--data': opts.data = resolve(value()); break;
      case '--year': opts.year = value(); break;
      case '--screenshots': opts.screenshots = resolve(value()); break;
      case '--bench': opts.bench = Number(value()); break;
      case '--anchor': opts.anchor = value(); break;
      default: usage(`unknown argument ${argv[i]}`);
    }
  }
  if (opts.bench > 0 && !opts.anchor) usage('--bench needs --anchor TEXT (a text of the year file)');
  if (!opts.bin || !existsSync(opts.bin)) usage('--bin must name the report-gen binary');
  if (!opts.data || !existsSync(join(opts.data, 'years', `${opts.year}.yaml`))) {
    usage(`--data must be a data folder with years/${opts.year}.yaml`);
  }
  return opts;
}

// Starts the server; resolves with its address once it prints it.
function startServer(bin, cwd, year) {
  const child = spawn(bin, ['serve', '--port', '0', '--year', year, '--data', 'data'], {
    cwd, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = [];
  const address = new Promise((resolveAddress, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed within ${WAIT_MS} ms:\n${log.join('')}`)), WAIT_MS);
    child.stdout.on('data', (chunk) => {
      log.push(chunk.toString());
      const m = log.join('').match(/serving the chapter at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(timer); resolveAddress(m[1]); }
    });
    child.stderr.on('data', (chunk) => log.push(chunk.toString()));
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`report-gen serve exited (${code}):\n${log.join('')}`)); });
  });
  return { child, address, log };
}

function edit(file, from, to) {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
  writeFileSync(file, text.replace(from, to));
}

function lineOf(file, fragment) {
  return readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(fragment)) + 1;
}

// axe-core's WCAG 2.0/2.1 A and AA rules on the preview's own parts of the page (the chapter
// itself is checked by check.mjs).
async function axeViolations(page, include) {
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async (selectors) => {
    const result = await window.axe.run({ include: selectors.map((s) => [s]) }, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, include);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(CHROMIUM)) { console.error(`serve.mjs: ${CHROMIUM} not found; ${INSTALL_HINT}`); process.exit(2); }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (err) {
    console.error(`serve.mjs: cannot load playwright-core (${err.code ?? err.message}); ${INSTALL_HINT}`);
    process.exit(2);
  }

  const work = mkdtempSync(join(tmpdir(), 'report-gen-serve-'));
  const profile = mkdtempSync(join(tmpdir(), 'report-gen-chromium-'));
  cpSync(opts.data, join(work, 'data'), { recursive: true });
  const yearFile = join(work, 'data', 'years', `${opts.year}.yaml`);
  const server = startServer(opts.bin, work, opts.year);
  const failures = [];
  const check = (ok, what) => { if (ok) console.log(`  ok: ${what}`); else failures.push(what); };
  let context;
  try {
    const origin = await server.address;
    console.log(`server at ${origin}`);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 600 },
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    });
    // Everything the page asks for is recorded; anything not from the server is blocked.
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    await context.route('**/*', (route) => {
      const url = route.request().url();
      return url.startsWith(`${origin}/`) || url.startsWith('data:') ? route.continue() : route.abort();
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(WAIT_MS);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let navigations = 0;
    page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations += 1; });

    await page.goto(`${origin}/`, { waitUntil: 'load' });
    check(page.url() === `${origin}/${opts.year}/`, `/ opens the page of ${opts.year} (${page.url()})`);
    await page.waitForFunction(() => document.getElementById('rg-status')?.textContent.startsWith('up to date'));
    if (opts.bench > 0) {
      await bench(page, yearFile, opts.bench, opts.anchor);
    } else {
      await scenario(page, yearFile, opts, check, () => navigations);
    }

    // 4. Nothing but the server.
    const outside = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
    check(outside.length === 0, `no request outside the server (${requests.length} requests; outside: ${outside.join(', ') || 'none'})`);
    check(errors.length === 0, `no script error${errors.length ? `: ${errors.join('; ')}` : ''}`);
  } catch (err) {
    failures.push(`${err.message}\n--- server output ---\n${server.log.join('')}`);
  } finally {
    if (context) await context.close().catch(() => {});
    server.child.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(`\n${failures.length} problem(s):`);
    for (const f of failures) console.error(`  - ${f}`);
    process.exitCode = 1;
  } else {
    console.log('\nserve: all checks passed');
  }
}

// Checks 1–3 on tests/fixtures/minimal's 2022. `navigations()` counts the page's loads.
async function scenario(page, yearFile, opts, check, navigations) {
    const loads = navigations();
    await page.evaluate(() => { window.rgMarker = 'the same page'; window.scrollTo(0, 250); });
    const scrolled = await page.evaluate(() => window.scrollY);

    // 1. An edit appears, in the same page, at the same place.
    edit(yearFile, 'spotkanie podsumowujące', 'spotkanie końcowe');
    await page.waitForFunction(() => document.querySelector('main')?.textContent.includes('spotkanie końcowe'));
    check(true, 'the edit appears in the page');
    check(await page.evaluate(() => window.rgMarker === 'the same page') && navigations() === loads,
      'the page was updated in place, not reloaded');
    const after = await page.evaluate(() => window.scrollY);
    check(after === scrolled, `the scroll position is kept (${scrolled} → ${after})`);
    if (opts.screenshots) {
      mkdirSync(opts.screenshots, { recursive: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(opts.screenshots, 'serve-ok.png') });
      await page.evaluate((y) => window.scrollTo(0, y), scrolled);
    }

    // 2. A bad date: the overlay names the file and the line; the last good chapter stays.
    const line = lineOf(yearFile, 'date: 2022-06-06');
    edit(yearFile, 'date: 2022-06-06', 'date: 2022-06-31');
    await page.waitForSelector('#rg-overlay:not([hidden])');
    const overlay = await page.locator('#rg-overlay').innerText();
    const place = `years/${opts.year}.yaml:${line}:`;
    check(overlay.includes(place), `the overlay names ${place}`);
    check(overlay.includes('2022-06-31 does not exist'), 'the overlay says what is wrong');
    check(await page.evaluate(() => document.querySelector('main').textContent.includes('spotkanie końcowe')),
      'the last good chapter stays beneath the overlay');
    const axe = await axeViolations(page, ['#rg-bar', '#rg-overlay']);
    check(axe.length === 0, `the bar and the overlay have no axe (WCAG 2.1 A/AA) violation${axe.length ? `: ${axe.join('; ')}` : ''}`);
    if (opts.screenshots) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(opts.screenshots, 'serve-error.png') });
    }

    // 3. The fix removes the overlay by itself.
    edit(yearFile, 'date: 2022-06-31', 'date: 2022-06-06');
    edit(yearFile, 'spotkanie końcowe', 'spotkanie ostatnie');
    await page.waitForSelector('#rg-overlay', { state: 'hidden' });
    await page.waitForFunction(() => document.querySelector('main')?.textContent.includes('spotkanie ostatnie'));
    check(true, 'the fix removes the overlay and shows the new text');
    check(navigations() === loads, 'still the same page, never reloaded');

}

// Saves the year file `runs` times, each adding a new word; the page records (with its own
// MutationObserver) when the word first appears in the DOM. Save → DOM changed, in ms, from
// the same clock (Date.now) on both sides.
async function bench(page, yearFile, runs, anchor) {
  await page.evaluate(() => {
    window.rgSeen = {};
    new MutationObserver(() => {
      const text = document.querySelector('main')?.textContent ?? '';
      for (const m of text.matchAll(/znacznik\d+x/g)) window.rgSeen[m[0]] ??= Date.now();
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const original = readFileSync(yearFile, 'utf8');
  if (!original.includes(anchor)) throw new Error(`${yearFile} has no ${JSON.stringify(anchor)}`);
  const latencies = [];
  for (let i = 0; i < runs; i++) {
    const word = `znacznik${i}x`;
    const text = original.replace(anchor, `${anchor} ${word}`);
    const t0 = Date.now();
    writeFileSync(yearFile, text);
    const seen = await page.waitForFunction((w) => window.rgSeen[w], word, { timeout: WAIT_MS });
    latencies.push((await seen.jsonValue()) - t0);
    await new Promise((r) => setTimeout(r, 300));
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]
    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  console.log(`bench: save → DOM changed over ${runs} saves: median ${median} ms, p90 ${percentile(sorted, 0.9)} ms, `
    + `min ${sorted[0]} ms, max ${sorted[sorted.length - 1]} ms`);
  console.log(`bench: all (ms): ${latencies.join(' ')}`);
}

await main();
