// Journeys of issue #14 §2: settled markets seen by a winner and a loser, a cancelled market, the
// watchlist after a reload, whole chips in the slip, and the admin's confirmation step. Markets and
// forecasts are set up through the API (bearer tokens); what the user sees is checked in the browser,
// in English and Filipino, at 390 px and 1280 px (screenshots `screens-*` in target/e2e-screenshots).
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  BASE_URL,
  PASSWORD,
  TIMEOUT,
  VIEWPORTS,
  active,
  adminToken,
  api,
  assert,
  findOpenMarket,
  forecast,
  login,
  logout,
  newMarket,
  newUser,
  outcomeId,
  registerFreshUser,
  setLang,
  shotBoth,
} from '../lib.mjs';

const newMarketOfScreens = (admin, title) =>
  newMarket(admin, title, { description: 'Created by the screens journey.' });

/** Waits until settlement (asynchronous after resolve/cancel) has reached `user`'s forecast. */
async function waitForSettled(user, market, status) {
  const until = Date.now() + TIMEOUT * 2;
  for (;;) {
    const m = await api('GET', `/markets/${market.slug}`, { token: user.token });
    if (m.my_forecast?.status === status) return m;
    assert(Date.now() < until, `forecast still ${m.my_forecast?.status}, expected ${status}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Opens the market page (a fresh load, as after a reload) and waits for `testId` on it. */
async function openMarket(page, market, testId) {
  await page.goto(`${BASE_URL}/markets/${market.slug}`, { waitUntil: 'domcontentloaded' });
  const el = page.locator(active(`[data-testid="${testId}"]`));
  await el.waitFor({ timeout: TIMEOUT });
  return el;
}

async function textOf(page, testId) {
  return (await page.locator(active(`[data-testid="${testId}"]`)).innerText()).trim();
}

/** Settled pages have no slip and no live "× per chip". */
async function assertNoLiveOdds(page) {
  await page.locator(active('[data-testid="final-split"]')).waitFor({ timeout: TIMEOUT });
  // The slip would come with the background render, which has happened once "About" shows.
  await page.locator(active('section dl')).first().waitFor({ timeout: TIMEOUT });
  assert(
    (await page.locator(active('[data-testid="forecast-slip"]')).count()) === 0,
    'a settled market still shows the forecast slip',
  );
  const body = await page.locator(active('ion-content')).innerText();
  assert(!/per chip|bawat chip/.test(body), 'a settled market still shows payout per chip');
}

async function resolvedSeenByWinnerAndLoser(ctx) {
  const admin = await adminToken();
  const market = await newMarketOfScreens(admin, 'E2E: Tataas ba ang pamasahe sa MRT?');
  const winner = await newUser('Winner', 'e2e-screens');
  const loser = await newUser('Loser', 'e2e-screens');
  await forecast(winner, market, 'Oo', 60);
  await forecast(loser, market, 'Hindi', 40);
  await api('POST', `/admin/markets/${market.id}/resolve`, {
    token: admin,
    body: {
      outcome_id: outcomeId(market, 'Oo'),
      evidence_urls: ['https://dotr.gov.ph/e2e-fare-notice'],
      resolution_note: 'DOTr announced the new fare (end-to-end test).',
    },
  });
  await waitForSettled(winner, market, 'won');
  await waitForSettled(loser, market, 'lost');

  await ctx.clearCookies();
  const page = await ctx.newPage();
  await page.setViewportSize({ width: VIEWPORTS[0].width, height: VIEWPORTS[0].height });

  // The winner: the winning outcome on top, the note and evidence, and what they got.
  await login(page, winner.email, PASSWORD);
  await setLang(page, 'en');
  const summary = await openMarket(page, market, 'resolved-summary');
  const top = (await summary.innerText()).trim();
  assert(top.includes('Resolved: Oo won'), `resolved summary says: ${top}`);
  assert(top.includes('DOTr announced the new fare'), 'the resolution note is missing');
  assert(top.includes('https://dotr.gov.ph/e2e-fare-notice'), 'the evidence link is missing');
  const won = await textOf(page, 'my-result');
  // The whole pool (100) goes to the only winner.
  assert(won === 'You won! You got ₱100 for your ₱60 on Oo.', `winner sees: ${won}`);
  await assertNoLiveOdds(page);
  await shotBoth(page, 'screens-resolved-winner');
  await setLang(page, 'fil');
  await openMarket(page, market, 'resolved-summary');
  const wonFil = await textOf(page, 'my-result');
  assert(wonFil.startsWith('Panalo ka!'), `winner sees in Filipino: ${wonFil}`);
  assert((await textOf(page, 'resolved-summary')).includes('May resulta na: Oo ang nanalo'), 'fil');
  await shotBoth(page, 'screens-resolved-winner-fil');

  // The list card names the winner instead of showing odds.
  await setLang(page, 'en');
  await page.goto(`${BASE_URL}/markets`, { waitUntil: 'domcontentloaded' });
  await page.locator(active('select')).first().selectOption('resolved'); // the list opens on "Open"
  await page.locator(active('input[type="search"]')).fill(market.title.split(' ').pop());
  const card = page.locator(active('[data-testid="market-list"] article'), {
    hasText: market.title,
  });
  await card.locator('[data-testid="card-winner"]').waitFor({ timeout: TIMEOUT });
  assert((await card.innerText()).includes('Winner: Oo'), 'the card does not name the winner');
  assert((await card.locator('[role="meter"]').count()) === 0, 'the card still shows odds');
  await shotBoth(page, 'screens-resolved-card');
  await logout(page);

  // The loser: the same market, their loss.
  await login(page, loser.email, PASSWORD);
  await openMarket(page, market, 'resolved-summary');
  const lost = await textOf(page, 'my-result');
  assert(lost === 'You lost your ₱40 on Hindi.', `loser sees: ${lost}`);
  await assertNoLiveOdds(page);
  await shotBoth(page, 'screens-resolved-loser');
  await setLang(page, 'fil');
  await openMarket(page, market, 'resolved-summary');
  const lostFil = await textOf(page, 'my-result');
  assert(lostFil === 'Talo ang ₱40 mo sa Hindi.', `loser sees in Filipino: ${lostFil}`);
  await shotBoth(page, 'screens-resolved-loser-fil');
  await setLang(page, 'en');
  await logout(page);
  await page.close();
}

async function cancelledMarket(ctx) {
  const admin = await adminToken();
  const market = await newMarketOfScreens(admin, 'E2E: Matutuloy ba ang concert sa Bulacan?');
  const user = await newUser('Refunded', 'e2e-screens');
  await forecast(user, market, 'Oo', 40);
  const reason = 'The concert was postponed with no new date (end-to-end test).';
  await api('POST', `/admin/markets/${market.id}/cancel`, { token: admin, body: { reason } });
  await waitForSettled(user, market, 'refunded');

  await ctx.clearCookies();
  const page = await ctx.newPage();
  await page.setViewportSize({ width: VIEWPORTS[0].width, height: VIEWPORTS[0].height });
  await login(page, user.email, PASSWORD);
  await setLang(page, 'en');
  const summary = await openMarket(page, market, 'cancelled-summary');
  const text = (await summary.innerText()).trim();
  assert(text.includes('Cancelled — stakes refunded'), `cancelled summary says: ${text}`);
  assert(text.includes(`Reason: ${reason}`), 'the reason is missing');
  assert(text.includes('Your ₱40 was refunded.'), 'the refund is missing');
  const body = await page.locator(active('ion-content')).innerText();
  assert(!body.includes('Paid out'), 'a cancelled market says "Paid out"');
  await assertNoLiveOdds(page);
  await shotBoth(page, 'screens-cancelled');
  await setLang(page, 'fil');
  const fil = await openMarket(page, market, 'cancelled-summary');
  assert((await fil.innerText()).includes('Na-refund ang ₱40 mo.'), 'Filipino refund line');
  await shotBoth(page, 'screens-cancelled-fil');
  await setLang(page, 'en');
  await logout(page);
  await page.close();
}

async function watchlistAfterReload(ctx) {
  const { page } = await registerFreshUser(ctx, VIEWPORTS[0]);
  const slug = await findOpenMarket(page);
  await page.goto(`${BASE_URL}/markets/${slug}`, { waitUntil: 'domcontentloaded' });
  const title = (await page.locator(active('h1')).innerText()).trim();
  const watch = page.locator(active('ion-button'), { hasText: /^Watch$/ });
  await watch.waitFor({ timeout: TIMEOUT });
  await watch.click();
  await page.locator(active('ion-button'), { hasText: 'Watching' }).waitFor({ timeout: TIMEOUT });

  // A reload asks the server again: the button still says Watching.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.locator(active('ion-button'), { hasText: 'Watching' }).waitFor({ timeout: TIMEOUT });

  // Whole chips: 1.5 is refused in words, never read as 15.
  const slip = page.locator(active('[data-testid="forecast-slip"]'));
  await slip.locator('[data-testid="slip-outcome"]').first().click();
  await slip.locator('input[name="points"]').fill('1.5');
  await slip.getByText('Chips are whole numbers').waitFor({ timeout: TIMEOUT });
  const submit = (await slip.locator('ion-button[type="submit"]').innerText()).trim();
  assert(submit === 'Forecast', `the slip button says "${submit}" for 1.5`);
  await slip.scrollIntoViewIfNeeded();
  await shotBoth(page, 'screens-slip-whole-chips');

  // The watchlist, opened from the profile, survives a reload too.
  await page.goto(`${BASE_URL}/profile`, { waitUntil: 'domcontentloaded' });
  await page.locator(active('ion-button'), { hasText: 'Watchlist' }).click();
  await page.waitForURL(/\/watchlist$/, { timeout: TIMEOUT });
  const card = page.locator(active('[data-testid="watchlist"] article'), { hasText: title });
  await card.waitFor({ timeout: TIMEOUT });
  await page.reload({ waitUntil: 'domcontentloaded' });
  await card.waitFor({ timeout: TIMEOUT });
  await shotBoth(page, 'screens-watchlist');
  await setLang(page, 'fil');
  await page.reload({ waitUntil: 'domcontentloaded' });
  await card.waitFor({ timeout: TIMEOUT });
  await page.locator(active('ion-title'), { hasText: 'Watchlist' }).waitFor({ timeout: TIMEOUT });
  await shotBoth(page, 'screens-watchlist-fil');
  await setLang(page, 'en');

  // Unwatching empties it.
  await page.goto(`${BASE_URL}/markets/${slug}`, { waitUntil: 'domcontentloaded' });
  await page.locator(active('ion-button'), { hasText: 'Watching' }).click();
  await page.locator(active('ion-button'), { hasText: /^Watch$/ }).waitFor({ timeout: TIMEOUT });
  await page.goto(`${BASE_URL}/watchlist`, { waitUntil: 'domcontentloaded' });
  await page
    .locator(active('[role="status"]'), { hasText: 'You are not watching any markets yet.' })
    .waitFor({ timeout: TIMEOUT });
  await logout(page);
  await page.close();
}

/** The admin's row for `market` in the console's Markets tab. */
async function adminRow(page, market) {
  await page.goto(BASE_URL + '/admin', { waitUntil: 'domcontentloaded' });
  // The second tab is Markets in every language (stats, markets, new market, …).
  await page.locator(active('[role="tab"]')).nth(1).click();
  await page.locator(active('input[type="search"]')).fill(market.title.split(' ').pop());
  const row = page.locator(active('[data-testid="admin-market"]'), { hasText: market.title });
  await row.waitFor({ timeout: TIMEOUT });
  await page.waitForFunction(
    (sel) => document.querySelectorAll(sel).length === 1,
    active('[data-testid="admin-market"]'),
    { timeout: TIMEOUT },
  );
  return row;
}

async function adminConfirmation(ctx) {
  const admin = await adminToken();
  const toResolve = await newMarketOfScreens(admin, 'E2E: Aabot ba sa 40°C sa Maynila?');
  const toCancel = await newMarketOfScreens(admin, 'E2E: Matutuloy ba ang laro sa Araneta?');
  const forecaster = await newUser('Forecaster', 'e2e-screens');
  await forecast(forecaster, toResolve, 'Hindi', 10);
  await forecast(forecaster, toCancel, 'Oo', 10);

  await ctx.clearCookies();
  const page = await ctx.newPage();
  await page.setViewportSize({ width: VIEWPORTS[0].width, height: VIEWPORTS[0].height });
  await login(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await setLang(page, 'en');

  // Resolve: no outcome chosen to start with; the confirmation repeats it and counts forecasters.
  let row = await adminRow(page, toResolve);
  await row.locator('ion-button', { hasText: 'Resolve' }).first().click();
  const select = row.locator('select[name="winning_outcome"]');
  assert((await select.inputValue()) === '', 'an outcome is pre-selected');
  await select.selectOption({ label: 'Hindi' });
  await row.locator('textarea[name="evidence_urls"]').fill('https://pagasa.dost.gov.ph/e2e');
  await row.locator('textarea[name="resolution_note"]').fill('PAGASA max 38.2°C (e2e).');
  await row.locator('ion-button', { hasText: 'Review' }).click();
  const confirm = row.locator('[data-testid="admin-confirm"]');
  await confirm.waitFor({ timeout: TIMEOUT });
  const said = await confirm.innerText();
  assert(said.includes('to “Hindi”?'), `confirmation says: ${said}`);
  assert(said.includes('1 forecaster is affected'), `confirmation count: ${said}`);
  let still = await api('GET', `/markets/${toResolve.slug}`);
  assert(still.status === 'open', 'the market was resolved before the confirmation');
  await shotBoth(page, 'screens-admin-confirm-resolve');
  await confirm.locator('ion-button', { hasText: 'Resolve market' }).click();
  await row.getByText('Resolved', { exact: true }).waitFor({ timeout: TIMEOUT });
  still = await api('GET', `/markets/${toResolve.slug}`);
  assert(
    still.resolution?.outcome_id === outcomeId(toResolve, 'Hindi'),
    'resolved to the wrong outcome',
  );

  // Cancel, in Filipino: the confirmation repeats the reason.
  await setLang(page, 'fil');
  row = await adminRow(page, toCancel);
  await row.locator('ion-button[color="danger"]').click();
  await row.locator('textarea[name="reason"]').fill('Na-postpone ang laro (e2e).');
  await row.locator('ion-button', { hasText: 'I-review' }).click();
  const confirmFil = row.locator('[data-testid="admin-confirm"]');
  await confirmFil.waitFor({ timeout: TIMEOUT });
  const saidFil = await confirmFil.innerText();
  assert(saidFil.includes('“Na-postpone ang laro (e2e).”'), `Filipino confirmation: ${saidFil}`);
  assert(saidFil.includes('1 forecaster'), `Filipino confirmation count: ${saidFil}`);
  await shotBoth(page, 'screens-admin-confirm-cancel-fil');
  await confirmFil.locator('ion-button').last().click();
  await confirmFil.waitFor({ state: 'detached', timeout: TIMEOUT });
  const cancelled = await api('GET', `/markets/${toCancel.slug}`);
  assert(cancelled.status === 'cancelled', `market is ${cancelled.status} after cancelling`);
  assert(cancelled.cancel_reason === 'Na-postpone ang laro (e2e).', 'the reason was not stored');
  await setLang(page, 'en');
  await logout(page);
  await page.close();
}

export const journeys = [
  ['screens-resolved-winner-and-loser', resolvedSeenByWinnerAndLoser],
  ['screens-cancelled', cancelledMarket],
  ['screens-watchlist-after-reload', watchlistAfterReload],
  ['screens-admin-confirmation', adminConfirmation],
];
