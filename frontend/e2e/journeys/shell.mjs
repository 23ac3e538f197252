// Journeys of the app shell (issue #14 §2.6 and §4): offline reload, the header balance, desktop
// navigation without the tab bar, a tappable notification, page titles. Screenshots at 390 and
// 1280 px, in English and Filipino.
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  BASE_URL,
  TIMEOUT,
  VIEWPORTS,
  active,
  api,
  assert,
  findOpenMarket,
  login,
  logout,
  openMarkets,
  readBalance,
  registerFreshUser,
  setLang,
  shot,
} from '../lib.mjs';

const [PHONE, DESKTOP] = VIEWPORTS;

/** Shots at both viewports in both languages; `prepare(page)` brings the page back after a reload. */
async function shotsBothLanguages(page, journey, prepare) {
  for (const lang of ['en', 'fil']) {
    await setLang(page, lang);
    for (const vp of [PHONE, DESKTOP]) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await page.reload({ waitUntil: 'domcontentloaded' });
      await prepare(page, lang, vp);
      await page.waitForTimeout(300);
      await shot(page, `${journey}-${lang}`, vp);
    }
  }
  await setLang(page, 'en');
}

async function waitForCards(page) {
  await page
    .locator(active('[data-testid="market-list"] article h2'))
    .first()
    .waitFor({ state: 'visible', timeout: TIMEOUT });
}

/**
 * The app shell and the last markets survive going offline: after a first visit (which installs
 * the service worker) and a second one (whose answers it stores), an offline reload shows the
 * list and a market with "You're offline — showing data from …", in English and Filipino; back
 * online, the banner goes.
 */
async function offlineReload(ctx) {
  const page = await ctx.newPage();
  await page.setViewportSize({ width: PHONE.width, height: PHONE.height });
  await openMarkets(page);
  const controlled = await page.evaluate(() => {
    const ready = (async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
      }
      return true;
    })();
    return Promise.race([ready, new Promise((resolve) => setTimeout(() => resolve(false), 20000))]);
  });
  assert(controlled, 'the service worker did not take control of the page');
  // Online visits of the list and of a market: the service worker stores their answers.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await waitForCards(page);
  const slug = await findOpenMarket(page);
  await page.goto(`${BASE_URL}/markets/${slug}`, { waitUntil: 'domcontentloaded' });
  const h1 = page.locator(active('h1'));
  await h1.waitFor({ state: 'visible', timeout: TIMEOUT });
  const marketTitle = (await h1.innerText()).trim();
  await page.waitForTimeout(500); // the stored copies are written after the answers
  await page.goto(`${BASE_URL}/markets`, { waitUntil: 'domcontentloaded' });
  await waitForCards(page);
  await page.waitForTimeout(500);

  await ctx.setOffline(true);
  try {
    const banner = page.locator(active('[data-testid="offline-banner"]'));
    await shotsBothLanguages(page, 'offline-markets', async (p, lang) => {
      await waitForCards(p);
      await banner.waitFor({ state: 'visible', timeout: TIMEOUT });
      const text = (await banner.innerText()).trim();
      const expected =
        lang === 'fil'
          ? /^Offline ka — ang nakikita mo ay data noong .+/
          : /^You're offline — showing data from .+ ago\.$/;
      assert(expected.test(text), `offline banner (${lang}) says: ${text}`);
    });

    await page.goto(`${BASE_URL}/markets/${slug}`, { waitUntil: 'domcontentloaded' });
    await h1.waitFor({ state: 'visible', timeout: TIMEOUT });
    assert(
      (await h1.innerText()).trim() === marketTitle,
      'offline market page shows another title',
    );
    await banner.waitFor({ state: 'visible', timeout: TIMEOUT });
    await shot(page, 'offline-market-en', PHONE);
    const body = await page.content();
    assert(!body.includes('Something went wrong'), 'offline market page shows an error');
  } finally {
    await ctx.setOffline(false);
  }
  // Back online: the app asks again and the banner goes.
  await page
    .locator(active('[data-testid="offline-banner"]'))
    .waitFor({ state: 'detached', timeout: TIMEOUT });
  await page.close();
}

/** Before any script runs, index.html already paints the logo and a skeleton. */
async function shellPaintsFirst(ctx) {
  const page = await ctx.newPage();
  await page.setViewportSize({ width: PHONE.width, height: PHONE.height });
  // The app's scripts never arrive: what shows is index.html alone. A service worker installed by
  // an earlier journey would serve them from its cache, past page.route: unregister it first.
  await page.goto(`${BASE_URL}/icon.svg`, { waitUntil: 'domcontentloaded' });
  await page.evaluate(async () => {
    const registrations = (await navigator.serviceWorker?.getRegistrations()) ?? [];
    await Promise.all(registrations.map((r) => r.unregister()));
  });
  await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
  await page.goto(`${BASE_URL}/markets`, { waitUntil: 'domcontentloaded' });
  const shell = page.locator('#root .pm-shell');
  await shell.waitFor({ state: 'visible', timeout: TIMEOUT });
  await page
    .locator('#root .pm-shell img[src="/icon.svg"]')
    .waitFor({ state: 'visible', timeout: TIMEOUT })
    .catch(() => assert(false, 'no logo in shell'));
  assert((await page.locator('#root .pm-shell-card').count()) >= 2, 'no skeleton cards in shell');
  await shot(page, 'app-shell', PHONE);
  await page.close();
}

/** The header balance reads as chips: "1,000 chips" on a phone, "1,000 chips (₱1,000)" on desktop. */
async function headerBalance(ctx) {
  const { page, before } = await registerFreshUser(ctx, PHONE);
  const balance = page.locator(active('[data-testid="chip-balance"]'));
  const grouped = before.toLocaleString('en-PH');
  const phone = (await balance.innerText()).trim();
  assert(phone === `${grouped} chips`, `phone balance reads "${phone}"`);
  await page.setViewportSize({ width: DESKTOP.width, height: DESKTOP.height });
  await page.waitForTimeout(250);
  const desktop = (await balance.innerText()).trim();
  assert(desktop === `${grouped} chips (₱${grouped})`, `desktop balance reads "${desktop}"`);
  assert((await readBalance(page)) === before, 'readBalance disagrees with the header');
  await shotsBothLanguages(page, 'header-balance', async (p) => {
    await p.locator(active('[data-testid="chip-balance"]')).waitFor({ timeout: TIMEOUT });
  });
  await logout(page);
  await page.close();
}

/**
 * Desktop (1280 px) has the sections in the header and no bottom tab bar; a phone keeps the tab
 * bar. Page titles name the page and the market; no <main> inside a <main>; chart labels ≥ 11 px.
 */
async function desktopNavigation(ctx) {
  const page = await ctx.newPage();
  await page.setViewportSize({ width: DESKTOP.width, height: DESKTOP.height });
  await openMarkets(page);
  const tabBar = page.locator('ion-tab-bar');
  const nav = page.locator(active('[data-testid="desktop-nav"]'));
  assert(!(await tabBar.isVisible()), 'the tab bar shows on desktop');
  assert(await nav.isVisible(), 'no header navigation on desktop');
  assert((await page.title()) === 'Markets · Pilimarket', `title: ${await page.title()}`);

  await nav.getByText('Leaderboard').click();
  await page.waitForURL(/\/leaderboard$/, { timeout: TIMEOUT });
  await page.waitForFunction(() => document.title === 'Leaderboard · Pilimarket', null, {
    timeout: TIMEOUT,
  });
  // The leaving page may still be in the DOM for a moment: wait for the new page's marked link.
  await page
    .locator(active('[data-testid="desktop-nav"] [aria-current="page"]'), {
      hasText: 'Leaderboard',
    })
    .waitFor({ timeout: TIMEOUT });

  const slug = await findOpenMarket(page);
  await page.goto(`${BASE_URL}/markets/${slug}`, { waitUntil: 'domcontentloaded' });
  const h1 = page.locator(active('h1'));
  await h1.waitFor({ state: 'visible', timeout: TIMEOUT });
  const name = (await h1.innerText()).trim();
  await page.waitForFunction((n) => document.title === `${n} · Pilimarket`, name, {
    timeout: TIMEOUT,
  });
  const nested = await page.evaluate(
    () => document.querySelectorAll('main main, [role="main"] main, main [role="main"]').length,
  );
  assert(nested === 0, `${nested} <main> inside a main landmark`);
  const label = page.locator(active('[data-testid="chart-axis-label"]')).first();
  if (await label.count()) {
    const size = await label.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert(size >= 11, `chart label is ${size}px`);
  }

  await page.setViewportSize({ width: PHONE.width, height: PHONE.height });
  await page.waitForTimeout(250);
  assert(await tabBar.isVisible(), 'no tab bar on a phone');
  assert(!(await nav.isVisible()), 'header navigation shows on a phone');

  await page.goto(`${BASE_URL}/leaderboard`, { waitUntil: 'domcontentloaded' });
  await shotsBothLanguages(page, 'navigation', async (p) => {
    await p.locator(active('h1, ion-title')).first().waitFor({ timeout: TIMEOUT });
  });
  await page.close();
}

/**
 * A notification is one tap target: a forecaster whose market was resolved taps anywhere on the
 * card (here: its message text, not the title link) and lands on the market.
 */
async function tappableNotification(ctx) {
  const admin = await api('POST', '/auth/login', {
    body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  });
  const email = `e2e-notif-${Date.now()}@example.com`;
  const password = 'correct-horse-battery';
  const user = await api('POST', '/auth/register', {
    body: { email, password, display_name: 'Notified Tester' },
  });
  const market = await api('POST', '/admin/markets', {
    token: admin.access_token,
    body: {
      title: `E2E shell notification ${Date.now()}`,
      description: 'A market for the tappable notification journey.',
      category: 'other',
      outcomes: ['Yes', 'No'],
      closes_at: new Date(Date.now() + 3600_000).toISOString(),
    },
  });
  await api('POST', '/forecasts', {
    token: user.access_token,
    body: { market_id: market.id, outcome_id: market.outcomes[0].id, points: 10 },
  });
  await api('POST', `/admin/markets/${market.id}/close`, { token: admin.access_token, body: {} });
  await api('POST', `/admin/markets/${market.id}/resolve`, {
    token: admin.access_token,
    body: {
      outcome_id: market.outcomes[0].id,
      evidence_urls: ['https://example.org/e2e-evidence'],
      resolution_note: 'E2E resolution',
    },
  });

  await ctx.clearCookies();
  const page = await ctx.newPage();
  await page.setViewportSize({ width: PHONE.width, height: PHONE.height });
  await login(page, email, password);
  const card = page.locator(active('[data-testid="notification"][data-type="market_resolved"]'));
  for (let i = 0; i < 20 && !(await card.count()); i++) {
    await page.goto(`${BASE_URL}/notifications`, { waitUntil: 'domcontentloaded' });
    await page.waitForTimeout(750);
  }
  await card.first().waitFor({ state: 'visible', timeout: TIMEOUT });
  await shotsBothLanguages(page, 'notifications', async (p) => {
    await p.locator(active('[data-testid="notification"]')).first().waitFor({ timeout: TIMEOUT });
  });
  // Tap the card low on its left, over the message and time, away from the title text and the
  // "Mark read" button: the whole card opens the market.
  const box = await card.first().boundingBox();
  assert(box, 'notification card has no box');
  await card.first().click({ position: { x: 24, y: box.height - 12 } });
  await page.waitForURL(new RegExp(`/markets/${market.slug}$`), { timeout: TIMEOUT });
  await logout(page);
  await page.close();
}

export const journeys = [
  ['shell-paints-first', shellPaintsFirst],
  ['offline-reload', offlineReload],
  ['header-balance', headerBalance],
  ['desktop-navigation', desktopNavigation],
  ['tappable-notification', tappableNotification],
];
