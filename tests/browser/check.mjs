// Checks HTML pages in the system Chromium, the way a reader's browser shows them.
//
//   node tests/browser/check.mjs page.html [more.html …] --screenshots DIR
//
// For every page: runs axe-core with the WCAG 2.0/2.1 A and AA rules at 1280 px and 320 px
// wide, takes full-page screenshots at 1280×900 and 320×640 into DIR, and fails when axe
// reports a violation, a screenshot is blank, the page scrolls sideways at 320 px
// (WCAG 1.4.10 reflow), a script runs, or the page requests anything but data:/file: URLs.
// Exit code: 0 all good, 1 a check failed, 2 could not run (usage, missing install).
//
// Setup: tests/browser/install.sh (Debian chromium + npm ci). playwright-core only drives
// /usr/bin/chromium; it never downloads a browser.

import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL_HINT = 'run tests/browser/install.sh (installs Debian chromium and the npm packages)';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const VIEWPORTS = [
  { name: '1280', width: 1280, height: 900 },
  { name: '320', width: 320, height: 640 },
];

function usage(message) {
  console.error(`check.mjs: ${message}`);
  console.error('usage: node tests/browser/check.mjs FILE.html [FILE.html …] --screenshots DIR');
  process.exit(2);
}

function parseArgs(argv) {
  const files = [];
  let screenshots = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--screenshots') {
      screenshots = argv[++i];
      if (!screenshots) usage('--screenshots needs a directory');
    } else if (argv[i].startsWith('-')) {
      usage(`unknown option ${argv[i]}`);
    } else {
      files.push(resolve(argv[i]));
    }
  }
  if (files.length === 0) usage('no HTML files given');
  if (!screenshots) usage('--screenshots DIR is required');
  for (const file of files) {
    if (!existsSync(file)) usage(`no such file: ${file}`);
  }
  return { files, screenshots: resolve(screenshots) };
}

// The packages are loaded dynamically so a missing install gives the fix, not a stack trace.
async function loadDependencies() {
  const require = createRequire(import.meta.url);
  try {
    const { chromium } = await import('playwright-core');
    const axePath = require.resolve('axe-core/axe.min.js');
    return { chromium, axePath };
  } catch (err) {
    console.error(`check.mjs: cannot load playwright-core/axe-core (${err.code ?? err.message}); ${INSTALL_HINT}`);
    process.exit(2);
  }
}

// Counts the pixels of a PNG in the page's own canvas: a screenshot is blank when (nearly)
// every pixel has the same colour, e.g. a white page because nothing rendered. A few words
// already cover thousands of pixels, so fewer than 50 off-background pixels is blank.
async function blankness(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const pixels = data.length / 4;
    const dominant = Math.max(...counts.values());
    return { colours: counts.size, otherPixels: pixels - dominant, otherShare: (pixels - dominant) / pixels };
  }, png.toString('base64'));
}

async function axeViolations(page, axePath) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations', 'incomplete'],
    });
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        targets: v.nodes.map((n) => n.target.join(' ')),
      })),
      incomplete: result.incomplete.map((v) => ({
        id: v.id,
        targets: v.nodes.map((n) => {
          const why = [...n.any, ...n.all, ...n.none].map((c) => c.message).find(Boolean);
          return why ? `${n.target.join(' ')} (${why})` : n.target.join(' ');
        }),
      })),
    };
  }, WCAG_TAGS);
}

async function checkFile(context, file, outDir, axePath) {
  const failures = [];
  const stem = basename(file).replace(/\.html?$/i, '');
  for (const viewport of VIEWPORTS) {
    const page = await context.newPage();
    const where = `${basename(file)} @${viewport.width}px`;
    page.on('dialog', async (dialog) => {
      failures.push(`${where}: a script ran and opened a dialog (${dialog.type()}: "${dialog.message()}")`);
      await dialog.dismiss();
    });
    page.on('pageerror', (err) => failures.push(`${where}: script error: ${err.message}`));
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

    const scrollWidth = await page.evaluate(() =>
      Math.max(document.documentElement.scrollWidth, document.body ? document.body.scrollWidth : 0));
    if (scrollWidth > viewport.width + 1) {
      failures.push(`${where}: the page scrolls horizontally (content is ${scrollWidth}px wide)`);
    }

    const shot = join(outDir, `${stem}-${viewport.name}.png`);
    const png = await page.screenshot({ path: shot, fullPage: true });
    const blank = await blankness(page, png);
    console.log(`  screenshot ${shot} (${blank.colours} colours, ${(blank.otherShare * 100).toFixed(1)}% non-background)`);
    if (blank.colours < 2 || blank.otherPixels < 50) {
      failures.push(`${where}: the screenshot is blank (${blank.colours} colour(s))`);
    }

    const axe = await axeViolations(page, axePath);
    for (const v of axe.violations) {
      failures.push(`${where}: axe ${v.id} [${v.impact}] ${v.help}\n      ${v.helpUrl}\n      ${v.targets.map((t) => `at ${t}`).join('\n      ')}`);
    }
    if (axe.incomplete.length > 0) {
      const list = axe.incomplete.map((i) => `${i.id} at ${i.targets.join(', ')}`).join('; ');
      console.log(`  axe @${viewport.width}px: ${axe.violations.length} violation(s); needs manual review: ${list}`);
    } else {
      console.log(`  axe @${viewport.width}px: ${axe.violations.length} violation(s)`);
    }
    await page.close();
  }
  return failures;
}

async function main() {
  const { files, screenshots } = parseArgs(process.argv.slice(2));
  if (!existsSync(CHROMIUM)) {
    console.error(`check.mjs: ${CHROMIUM} not found; ${INSTALL_HINT}`);
    process.exit(2);
  }
  const { chromium, axePath } = await loadDependencies();
  mkdirSync(screenshots, { recursive: true });

  // A fresh profile every run: no cache, cookies or extensions from an earlier run.
  const profile = mkdtempSync(join(tmpdir(), 'report-gen-chromium-'));
  const requests = new Set();
  let context;
  const failures = [];
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    });
    // The page must be self-contained: record and block every request that would leave
    // the file (fonts, images, scripts from the network).
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      requests.add(url);
      return route.abort();
    });
    context.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith('file:') && !url.startsWith('data:')) requests.add(url);
    });

    for (const file of files) {
      console.log(`${file}`);
      failures.push(...(await checkFile(context, file, screenshots, axePath)));
    }
  } catch (err) {
    console.error(`check.mjs: the browser check could not run: ${err.message}\n${INSTALL_HINT}`);
    process.exitCode = 2;
    return;
  } finally {
    if (context) await context.close();
    rmSync(profile, { recursive: true, force: true });
  }

  for (const url of requests) failures.push(`network request to ${url} (only data: and file: are allowed)`);
  if (failures.length > 0) {
    console.error(`\n${failures.length} problem(s):`);
    for (const f of failures) console.error(`  - ${f}`);
    process.exitCode = 1;
  } else {
    console.log(`\nall ${files.length} page(s) passed: no axe violations (${WCAG_TAGS.join(', ')}), screenshots not blank, no horizontal scroll at 320px, no network`);
  }
}

await main();
