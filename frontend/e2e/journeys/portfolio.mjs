// Journeys of issue #19 §1–2: the home feed's sections (a visitor's, and a user's "for you" and
// watchlist), a card's one-tap outcome opening the slip with the first-forecast explanation, and the
// Portfolio tab after a forecast (valued with the pool) and after the market is resolved.
// Set-up through the API (bearer tokens); what the user sees is checked in the browser.
import {
  BASE_URL,
  PASSWORD,
  TIMEOUT,
  VIEWPORTS,
  active,
  adminToken,
  api,
  assert,
  eventually,
  forecast,
  login,
  logout,
  newMarket,
  newUser,
  outcomeId,
  setLang,
  shotBoth,
} from '../lib.mjs';

/** An open market of the portfolio journey in `category`, closing in `days`. */
const marketIn = (admin, title, category, days = 7) =>
  newMarket(admin, title, { category, days, description: 'Created by the portfolio journey.' });

/** Opens the home feed (a fresh load) and waits for the section `id`. */
async function openHome(page, id) {
  await page.goto(`${BASE_URL}/home`, { waitUntil: 'domcontentloaded' });
  const section = page.locator(active(`[data-testid="feed-${id}"]`));
  await section.waitFor({ timeout: TIMEOUT });
  return section;
}

async function homeSections(ctx) {
  await ctx.clearCookies();
  const page = await ctx.newPage();
  await page.setViewportSize({ width: VIEWPORTS[0].width, height: VIEWPORTS[0].height });

  // A visitor: `/` is the home feed; the demo forecasts make markets trend; the list is one tap away.
  await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
  await page.evaluate(() => localStorage.removeItem('pm.lang'));
  await page.waitForURL(/\/home$/, { timeout: TIMEOUT });
  for (const id of ['trending', 'closing_soon', 'new_markets']) {
    await page
      .locator(active(`[data-testid="feed-${id}"] article`))
      .first()
      .waitFor({ timeout: TIMEOUT });
  }
  assert(
    (await page.locator(active('[data-testid="feed-for_you"]')).count()) === 0,
    'a visitor has "for you"',
  );
  const note = await page
    .locator(active('[data-testid="feed-trending"] [data-testid="card-note"]'))
    .first()
    .innerText();
  assert(/forecasters? today/.test(note), `trending card says: ${note}`);
  await shotBoth(page, 'home-visitor');
  await page.locator(active('[data-testid="all-markets"]')).click();
  await page.waitForURL(/\/markets$/, { timeout: TIMEOUT });
  await page
    .locator(active('[data-testid="market-list"] article'))
    .first()
    .waitFor({ timeout: TIMEOUT });

  // A user who forecast in one Bulacan market gets the other one "for you", never the one they hold,
  // and sees the market they watch.
  const admin = await adminToken();
  const held = await marketIn(admin, 'E2E: Babaha ba sa Bulacan ngayong linggo?', 'other');
  const near = await marketIn(admin, 'E2E: Bubuksan ba ang bagong tulay sa Bulacan?', 'other', 9);
  const watched = await marketIn(
    admin,
    'E2E: May concert ba sa Philippine Arena?',
    'entertainment',
    11,
  );
  const user = await newUser('Feed Reader', 'e2e-portfolio');
  await forecast(user, held, 'Oo', 20);
  await api('POST', `/markets/${watched.id}/watch`, { token: user.token });
  await eventually('the feed to suggest the nearby market', async () => {
    const feed = await api('GET', '/markets/feed', { token: user.token });
    return feed.for_you.some((m) => m.id === near.id);
  });
  await login(page, user.email, PASSWORD);
  const forYou = await openHome(page, 'for_you');
  await forYou.locator('article', { hasText: near.title }).waitFor({ timeout: TIMEOUT });
  assert(
    !(await forYou.innerText()).includes(held.title),
    '"for you" shows a market the user holds',
  );
  const watchlist = page.locator(active('[data-testid="feed-watchlist"]'));
  await watchlist.locator('article', { hasText: watched.title }).waitFor({ timeout: TIMEOUT });
  await shotBoth(page, 'home-signed-in');
  await setLang(page, 'fil');
  await openHome(page, 'for_you');
  await page.getByText('Para sa iyo', { exact: true }).first().waitFor({ timeout: TIMEOUT });
  await shotBoth(page, 'home-signed-in-fil');
  await setLang(page, 'en');
  await logout(page);
  await page.close();
}

async function portfolioAfterForecastAndResolution(ctx) {
  await ctx.clearCookies();
  const admin = await adminToken();
  const market = await marketIn(
    admin,
    'E2E: Magkakaroon ba ng bagong MRT line sa 2027?',
    'politics',
    3,
  );
  const me = await newUser('Portfolio Owner', 'e2e-portfolio');
  const other = await newUser('Other Side', 'e2e-portfolio');
  const page = await ctx.newPage();
  await page.setViewportSize({ width: VIEWPORTS[0].width, height: VIEWPORTS[0].height });
  await login(page, me.email, PASSWORD);
  await page.evaluate(() => localStorage.removeItem('pm.forecast-intro'));

  // A card's "Oo" button opens the market with the slip on "Oo" and the first-forecast explanation.
  await page.goto(`${BASE_URL}/markets/${market.slug}?outcome=${outcomeId(market, 'Oo')}`, {
    waitUntil: 'domcontentloaded',
  });
  const slip = page.locator(active('[data-testid="forecast-slip"]'));
  await slip.waitFor({ timeout: TIMEOUT });
  const picked = slip.locator('[data-testid="slip-outcome"][aria-pressed="true"]');
  assert((await picked.innerText()).includes('Oo'), 'the slip did not open on "Oo"');
  const intro = slip.locator('[data-testid="forecast-intro"]');
  await intro.waitFor({ timeout: TIMEOUT });
  assert(
    (await intro.innerText()).includes('play money'),
    'the explanation does not say play money',
  );
  await shotBoth(page, 'portfolio-intro');
  await intro.getByText('Skip').click();
  await intro.waitFor({ state: 'detached', timeout: TIMEOUT });
  await slip.locator('input[name="points"]').fill('60');
  await slip.locator('ion-button[type="submit"]').click();
  await slip.locator('[role="status"][data-kind="success"]').waitFor({ timeout: TIMEOUT });
  await forecast(other, market, 'Hindi', 40);

  // The chart has a 1 h range and marks the entry.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.locator(active('button'), { hasText: '1H' }).click();
  await page.locator(active('[data-testid="chart-entry"]')).waitFor({ timeout: TIMEOUT });

  // After the forecast: pool 100, all of it to "Oo" if it wins (no house fee in this app's set-up).
  const fee = Number(process.env.E2E_HOUSE_FEE_PERCENT || 0);
  const payout = Math.floor((60 * Math.floor((100 * (100 - fee)) / 100)) / 60);
  await page.goto(`${BASE_URL}/portfolio`, { waitUntil: 'domcontentloaded' });
  const line = page.locator(active('[data-testid="open-position"]'), { hasText: market.title });
  await line.waitFor({ timeout: TIMEOUT });
  const text = await line.innerText();
  assert(text.includes('₱60 on Oo'), `open position says: ${text}`);
  assert(
    text.includes(`Pays ₱${payout} if it wins now (+₱${payout - 60})`),
    `open position says: ${text}`,
  );
  await shotBoth(page, 'portfolio-open');

  // After resolution: the position moves to the settled history as won, with its profit.
  await api('POST', `/admin/markets/${market.id}/resolve`, {
    token: admin,
    body: {
      outcome_id: outcomeId(market, 'Oo'),
      evidence_urls: ['https://dotr.gov.ph/e2e-mrt'],
      resolution_note: 'DOTr announced the line (end-to-end test).',
    },
  });
  await eventually('settlement', async () => {
    const settled = await api('GET', '/users/me/portfolio/settled', { token: me.token });
    return settled.some((p) => p.market.id === market.id);
  });
  await page.reload({ waitUntil: 'domcontentloaded' });
  const done = page.locator(active('[data-testid="settled-position"]'), { hasText: market.title });
  await done.waitFor({ timeout: TIMEOUT });
  const result = await done.innerText();
  assert(
    result.includes('Won') && result.includes(`+₱${payout - 60}`),
    `settled line says: ${result}`,
  );
  assert(
    (await page
      .locator(active('[data-testid="open-position"]'), { hasText: market.title })
      .count()) === 0,
    'the resolved market is still an open position',
  );
  const realised = await page.locator(active('[data-testid="portfolio-realised"]')).innerText();
  assert(realised.trim() === `+₱${payout - 60}`, `profit so far says: ${realised}`);
  await shotBoth(page, 'portfolio-settled');
  await setLang(page, 'fil');
  await page.reload({ waitUntil: 'domcontentloaded' });
  const fil = page.locator(active('[data-testid="settled-position"]'), { hasText: market.title });
  await fil.waitFor({ timeout: TIMEOUT });
  assert((await fil.innerText()).includes('Panalo'), 'the settled line is not in Filipino');
  await shotBoth(page, 'portfolio-settled-fil');
  await setLang(page, 'en');
  await logout(page);
  await page.close();
}

export const journeys = [
  ['home-sections', homeSections],
  ['portfolio-after-forecast-and-resolution', portfolioAfterForecastAndResolution],
];
