// Browser end-to-end journeys: playwright-core driving the system chromium.
// Usage: BASE_URL=http://localhost:8080 npm run e2e   (CHROMIUM_PATH overrides /usr/bin/chromium)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/$/, '');
const here = path.dirname(fileURLToPath(import.meta.url));
const SHOTS = path.resolve(here, '..', '..', 'target', 'e2e-screenshots');
const VIEWPORTS = [
  { name: '390x844', width: 390, height: 844 },
  { name: '1280x800', width: 1280, height: 800 },
];
const TIMEOUT = Number(process.env.E2E_TIMEOUT || 15000);

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

async function shot(page, journey, viewport) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({
    path: path.join(SHOTS, `${journey}-${viewport.name}.png`),
    fullPage: false,
  });
}

/** Visible text of the first element matching `selector` in the active Ionic page. */
function active(selector) {
  return `.ion-page:not(.ion-page-hidden) ${selector}`;
}

async function openMarkets(page) {
  await page.goto(BASE_URL + '/', { waitUntil: 'domcontentloaded' });
  await page.waitForURL(/\/markets$/, { timeout: TIMEOUT });
  const title = page.locator(active('[data-testid="market-list"] article h2')).first();
  await title.waitFor({ state: 'visible', timeout: TIMEOUT });
  return title;
}

/** Journey 1: the markets list renders demo markets at phone and desktop sizes. */
async function smoke(ctx) {
  for (const vp of VIEWPORTS) {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: vp.width, height: vp.height });
    const title = await openMarkets(page);
    const text = (await title.innerText()).trim();
    assert(text.length > 0, 'first market card has no title');
    const cards = await page.locator(active('[data-testid="market-list"] article')).count();
    assert(cards >= 1, 'no market cards');
    await page.waitForTimeout(300);
    await shot(page, 'smoke', vp);
    await page.close();
  }
}

/** Journey 2: a market's page opens from the list (deep link works) and shows outcomes and the slip. */
async function marketDetail(ctx) {
  for (const vp of VIEWPORTS) {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: vp.width, height: vp.height });
    const title = await openMarkets(page);
    const name = (await title.innerText()).trim();
    await title.locator('a').click();
    await page.waitForURL(/\/markets\/[^/]+$/, { timeout: TIMEOUT });
    const h1 = page.locator(active('h1'));
    await h1.waitFor({ state: 'visible', timeout: TIMEOUT });
    assert((await h1.innerText()).trim() === name, `detail title differs from card: ${name}`);
    await page.locator(active('[data-testid="outcome-row"]')).first().waitFor({ timeout: TIMEOUT });
    const url = page.url();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.locator(active('h1')).waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.locator(active('[data-testid="forecast-slip"]')).waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(300);
    await shot(page, 'market-detail', vp);
    await page.close();
  }
}

/** Journey 3: sign up, place a forecast and see the chip balance go down. */
async function registerAndForecast(ctx) {
  await ctx.clearCookies();
  const page = await ctx.newPage();
  const vp = VIEWPORTS[0];
  await page.setViewportSize({ width: vp.width, height: vp.height });
  const email = `e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  await page.goto(BASE_URL + '/register', { waitUntil: 'domcontentloaded' });
  await page.locator(active('input[name="display_name"]')).fill('E2E Tester');
  await page.locator(active('input[name="email"]')).fill(email);
  await page.locator(active('input[name="password"]')).fill('correct-horse-battery');
  await page.locator(active('form ion-button[type="submit"]')).click();
  await page.waitForURL(/\/markets/, { timeout: TIMEOUT });
  const balance = page.locator(active('[data-testid="chip-balance"]'));
  await balance.waitFor({ state: 'visible', timeout: TIMEOUT });
  const before = Number((await balance.innerText()).replace(/[^0-9]/g, ''));
  assert(before > 0, 'new account has no chips');

  const title = await openMarkets(page);
  await title.locator('a').click();
  await page.waitForURL(/\/markets\/[^/]+$/, { timeout: TIMEOUT });
  const slip = page.locator(active('[data-testid="forecast-slip"]'));
  await slip.waitFor({ timeout: TIMEOUT });
  await slip.locator('[data-testid="slip-outcome"]').first().click();
  await slip.locator('input[name="points"]').fill('10');
  await slip.locator('ion-button[type="submit"]').click();
  await slip.locator('[role="status"][data-kind="success"]').waitFor({ timeout: TIMEOUT });
  await page.waitForFunction(
    ([sel, prev]) => {
      const el = document.querySelector(sel);
      return el && Number(el.textContent.replace(/[^0-9]/g, '')) === prev - 10;
    },
    [active('[data-testid="chip-balance"]'), before],
    { timeout: TIMEOUT },
  );
  await page.locator(active('[data-testid="my-position"]')).waitFor({ timeout: TIMEOUT });
  await shot(page, 'forecast', vp);
  await page.close();
}

const journeys = [
  ['smoke', smoke],
  ['market-detail', marketDetail],
  ['register-and-forecast', registerAndForecast],
];

async function main() {
  const only = process.argv.slice(2);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilimarket-e2e-'));
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  ctx.setDefaultTimeout(TIMEOUT);
  let passed = 0;
  let failed = 0;
  try {
    for (const [name, fn] of journeys) {
      if (only.length && !only.includes(name)) continue;
      const started = Date.now();
      try {
        await fn(ctx);
        passed++;
        console.log(`PASS ${name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${name}: ${String(e instanceof Error ? e.message : e).split('\n')[0]}`);
      }
    }
  } finally {
    await ctx.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  console.log(`E2E: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log('E2E: 0 passed, 1 failed');
  process.exit(1);
});
