// Handles, follows, referrals and sharing end to end (docs/SOCIAL.md): follow a forecaster from their
// /u/{handle} profile and see their forecast in the Activity tab's Following feed; sign up through a
// referral link and see both people get the bonus (and its notification) after the newcomer's first
// forecast; open the share cards of a market and of a profile; share a filtered markets list by its URL.
import { request } from 'playwright-core';
import {
  BASE_URL,
  TIMEOUT,
  VIEWPORTS,
  active,
  assert,
  findOpenMarket,
  readBalance,
  registerFreshUser,
  shot,
  shotBoth,
  waitForBalance,
} from '../lib.mjs';

/**
 * A user of its own, registered through the API with its own cookies (no device id shared with the
 * browser), with a handle; `call` is the API as that user.
 */
async function apiUser(displayName, handlePrefix) {
  const api = await request.newContext({ baseURL: BASE_URL });
  const handle =
    `${handlePrefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.slice(0, 20);
  const res = await api.post('/api/v1/auth/register', {
    data: {
      email: `e2e-${handle}@example.com`,
      password: 'correct-horse-battery',
      display_name: displayName,
      handle,
    },
  });
  assert(res.status() === 201, `register ${handle} answered ${res.status()}: ${await res.text()}`);
  const data = (await res.json()).data;
  const call = async (method, path, body) => {
    const r = await api.fetch(`/api/v1${path}`, {
      method,
      data: body,
      headers: { Authorization: `Bearer ${data.access_token}` },
    });
    assert(r.ok(), `${method} ${path} answered ${r.status()}: ${await r.text()}`);
    return (await r.json()).data;
  };
  return { id: data.user.id, handle: data.user.handle, call, dispose: () => api.dispose() };
}

/**
 * Screenshots the page at both sizes in English, then at 390 px in Filipino (`<name>-fil`): the
 * language is chosen the way the app's toggle stores it and the page reloaded; `ready` waits for the
 * content. Leaves the page in English.
 */
async function shotLanguages(page, name, ready) {
  await shotBoth(page, name);
  for (const lang of ['fil', 'en']) {
    await page.evaluate((l) => localStorage.setItem('pm.lang', l), lang);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await ready();
    if (lang === 'fil') {
      assert(
        (await page.evaluate(() => document.documentElement.lang)) === 'fil',
        'the page did not switch to Filipino',
      );
      await page.waitForTimeout(250);
      await shot(page, `${name}-fil`, VIEWPORTS[0]);
    }
  }
}

async function chipsOf(user) {
  return (await user.call('GET', '/users/me')).chips;
}

/** Places a forecast through the market page's slip (the way a user does). */
async function forecastInApp(page, points) {
  const slug = await findOpenMarket(page);
  await page.goto(`${BASE_URL}/markets/${slug}`, { waitUntil: 'domcontentloaded' });
  const slip = page.locator(active('[data-testid="forecast-slip"]'));
  await slip.waitFor({ timeout: TIMEOUT });
  await slip.locator('[data-testid="slip-outcome"]').first().click();
  await slip.locator('input[name="points"]').fill(String(points));
  await slip.locator('ion-button[type="submit"]').click();
  await slip.locator('[role="status"][data-kind="success"]').waitFor({ timeout: TIMEOUT });
}

/** Follow a forecaster on their profile, then find their forecast in the Following feed. */
async function followAndSeeFollowingFeed(ctx) {
  const ana = await apiUser('Ana Follow', 'ana');
  try {
    const { page } = await registerFreshUser(ctx, VIEWPORTS[0]);
    await page.evaluate(() => localStorage.removeItem('pm.lang'));
    // An old /users/{id} link lands on the profile at /u/{handle}.
    await page.goto(`${BASE_URL}/users/${ana.id}`, { waitUntil: 'domcontentloaded' });
    await page.waitForURL(new RegExp(`/u/${ana.handle}$`), { timeout: TIMEOUT });
    const counts = page.locator(active('[data-testid="follow-counts"]'));
    await counts.waitFor({ timeout: TIMEOUT });
    assert((await counts.innerText()).startsWith('0 followers'), await counts.innerText());
    await page.locator(active('ion-button'), { hasText: /^Follow$/ }).click();
    await page
      .locator(active('[data-testid="follow-counts"]'), { hasText: '1 follower' })
      .waitFor({ timeout: TIMEOUT });
    await page.locator(active('ion-button'), { hasText: 'Unfollow' }).waitFor({ timeout: TIMEOUT });
    await shotBoth(page, 'social-profile-followed');

    // Ana forecasts; the follower's Following feed shows it, and only people they follow.
    const markets = await (
      await page.request.get(`${BASE_URL}/api/v1/markets?status=open&limit=20`)
    ).json();
    const market = markets.data.find((m) => Date.parse(m.closes_at) > Date.now() + 5 * 60_000);
    assert(market, 'no open market to forecast on');
    await ana.call('POST', '/forecasts', {
      market_id: market.id,
      outcome_id: market.outcomes[0].id,
      points: 15,
    });
    await page.goto(`${BASE_URL}/activity`, { waitUntil: 'domcontentloaded' });
    await page.locator(active('button'), { hasText: 'Following' }).click();
    await page.waitForURL(/\/activity\?following=true$/, { timeout: TIMEOUT });
    const feed = page.locator(active(`a[href="/u/${ana.handle}"]`)).first();
    await feed.waitFor({ timeout: TIMEOUT });
    const handles = await page.locator(active('ul a[href^="/u/"]')).allInnerTexts();
    assert(
      handles.every((h) => h === `@${ana.handle}`),
      `the Following feed shows others: ${handles.join(', ')}`,
    );
    await shotBoth(page, 'social-following-feed');
    await page.close();
  } finally {
    await ana.dispose();
  }
}

/** Sign up through a referral link; both get the bonus once the newcomer forecasts. */
async function registerThroughReferralLink(ctx) {
  const inviter = await apiUser('Inviting Ina', 'ina');
  try {
    const inviterBefore = await chipsOf(inviter);
    await ctx.clearCookies();
    const page = await ctx.newPage();
    await page.setViewportSize({ width: VIEWPORTS[0].width, height: VIEWPORTS[0].height });
    await page.goto(`${BASE_URL}/markets`, { waitUntil: 'domcontentloaded' });
    // A friend on a phone of their own: this browser's device id signed up the earlier journeys'
    // accounts, and a device with many accounts is a signup cluster, which gets no referral bonus.
    await page.evaluate(() => {
      localStorage.removeItem('pm.lang');
      localStorage.removeItem('pm.device_id');
    });
    await page.goto(`${BASE_URL}/r/${inviter.handle}`, { waitUntil: 'domcontentloaded' });
    await page.waitForURL(/\/register\?ref=/, { timeout: TIMEOUT });
    await page
      .locator(active('[data-testid="invited-by"]'), { hasText: 'Inviting Ina' })
      .waitFor({ timeout: TIMEOUT });
    await shotBoth(page, 'social-referral-signup');
    const email = `e2e-ref-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
    await page.locator(active('input[name="display_name"]')).fill('Referred Rey');
    await page.locator(active('input[name="email"]')).fill(email);
    await page.locator(active('input[name="password"]')).fill('correct-horse-battery');
    await page.locator(active('form ion-button[type="submit"]')).click();
    await page.waitForURL(/\/markets/, { timeout: TIMEOUT });
    const before = await readBalance(page);
    assert((await chipsOf(inviter)) === inviterBefore, 'the inviter was paid before any forecast');

    await forecastInApp(page, 10);
    // The bonus follows the forecast (a listener of the forecast event pays both in one transaction):
    // once the inviter has theirs, the newcomer's balance shows 100 more after a reload.
    const deadline = Date.now() + 2 * TIMEOUT;
    while ((await chipsOf(inviter)) !== inviterBefore + 100 && Date.now() < deadline) {
      await page.waitForTimeout(250);
    }
    assert((await chipsOf(inviter)) === inviterBefore + 100, 'the inviter did not get the bonus');
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitForBalance(page, before - 10 + 100);
    const mine = await inviter.call('GET', '/users/me/referrals');
    assert(
      mine.invitees.length === 1 && mine.invitees[0].status === 'paid',
      `referral state: ${JSON.stringify(mine.invitees)}`,
    );

    // Both are told: the inviter's notification names the newcomer, the newcomer sees theirs in the app.
    // The notifications follow the bonus (a listener of its event, after the commit): wait for them.
    const bonusNotes = async (list) => (await list()).filter((n) => n.type === 'referral_bonus');
    const inviterNotes = () => inviter.call('GET', '/notifications');
    const newcomerNotes = async () =>
      (await (await page.request.get(`${BASE_URL}/api/v1/notifications`)).json()).data;
    const until = Date.now() + 2 * TIMEOUT;
    while (
      ((await bonusNotes(inviterNotes)).length === 0 ||
        (await bonusNotes(newcomerNotes)).length === 0) &&
      Date.now() < until
    ) {
      await page.waitForTimeout(250);
    }
    const told = await bonusNotes(inviterNotes);
    assert(
      told.length === 1 && told[0].message.includes('Referred Rey'),
      `the inviter's referral notifications: ${JSON.stringify(told)}`,
    );
    await page.goto(`${BASE_URL}/notifications`, { waitUntil: 'domcontentloaded' });
    const bonusNote = () =>
      page
        .locator(active('[data-testid="notification"][data-type="referral_bonus"]'))
        .waitFor({ timeout: TIMEOUT });
    await bonusNote();
    const note = await page
      .locator(active('[data-testid="notification"][data-type="referral_bonus"]'))
      .innerText();
    assert(note.includes('Inviting Ina') && note.includes('100'), `notification reads "${note}"`);
    await shotLanguages(page, 'social-referral-notification', bonusNote);

    // The newcomer's own invite link is on their profile.
    await page.goto(`${BASE_URL}/profile`, { waitUntil: 'domcontentloaded' });
    const link = page.locator(active('[data-testid="share-url"]'));
    await link.waitFor({ timeout: TIMEOUT });
    assert(/\/r\/referred_rey\d*$/.test(await link.inputValue()), await link.inputValue());
    await page.locator(active('[data-testid="invite"]')).scrollIntoViewIfNeeded();
    await shotBoth(page, 'social-invite');
    await page.close();
  } finally {
    await inviter.dispose();
  }
}

/** A market link unfurls: the server's HTML carries Open Graph meta naming a 1200×630 PNG card. */
async function shareCard(ctx) {
  const page = await ctx.newPage();
  try {
    const slug = await findOpenMarket(page);
    const res = await page.request.get(`${BASE_URL}/markets/${slug}`, {
      headers: { Accept: 'text/html', 'User-Agent': 'facebookexternalhit/1.1' },
    });
    assert(res.ok(), `GET /markets/${slug} answered ${res.status()}`);
    const html = await res.text();
    const meta = (p) => html.match(new RegExp(`<meta property="${p}" content="([^"]*)"`))?.[1];
    assert(meta('og:title'), 'no og:title in the HTML a crawler gets');
    assert(/\d+%/.test(meta('og:description') ?? ''), `og:description: ${meta('og:description')}`);
    assert(meta('og:locale') === 'en_PH', `og:locale: ${meta('og:locale')}`);
    const image = meta('og:image').replace(/&amp;/g, '&');
    const png = await page.request.get(image);
    assert(png.ok(), `the card answered ${png.status()}`);
    assert(png.headers()['content-type'] === 'image/png', png.headers()['content-type']);
    const bytes = await png.body();
    assert(
      bytes.readUInt32BE(16) === 1200 && bytes.readUInt32BE(20) === 630,
      'the card is not 1200×630',
    );
    await page.goto(image, { waitUntil: 'load' });
    await shotBoth(page, 'social-share-card');
  } finally {
    await page.close();
  }
}

/**
 * A profile link unfurls too: /u/{handle} carries the forecaster's meta in both languages and names
 * a 1200×630 PNG card; an unknown handle is a 404; the app's profile page has the Share section.
 */
async function profileShareCard(ctx) {
  const carla = await apiUser('Card Carla', 'carla');
  const page = await ctx.newPage();
  try {
    await page.setViewportSize({ width: VIEWPORTS[0].width, height: VIEWPORTS[0].height });
    const html = async (query) => {
      const res = await page.request.get(`${BASE_URL}/u/${carla.handle}${query}`, {
        headers: { Accept: 'text/html', 'User-Agent': 'facebookexternalhit/1.1' },
      });
      assert(res.ok(), `GET /u/${carla.handle}${query} answered ${res.status()}`);
      const text = await res.text();
      return (p) => text.match(new RegExp(`<meta property="${p}" content="([^"]*)"`))?.[1];
    };
    const en = await html('');
    assert(en('og:title') === `Card Carla (@${carla.handle})`, `og:title: ${en('og:title')}`);
    assert(en('og:locale') === 'en_PH', `og:locale: ${en('og:locale')}`);
    assert(/^Reputation 0 · /.test(en('og:description') ?? ''), en('og:description'));
    const fil = await html('?lang=fil');
    assert(fil('og:locale') === 'fil_PH', `og:locale (fil): ${fil('og:locale')}`);
    assert(/^Reputasyon 0 · /.test(fil('og:description') ?? ''), fil('og:description'));
    const image = en('og:image').replace(/&amp;/g, '&');
    const png = await page.request.get(image);
    assert(png.ok(), `the profile card answered ${png.status()}`);
    assert(png.headers()['content-type'] === 'image/png', png.headers()['content-type']);
    const bytes = await png.body();
    assert(
      bytes.readUInt32BE(16) === 1200 && bytes.readUInt32BE(20) === 630,
      'the profile card is not 1200×630',
    );
    const unknown = await page.request.get(`${BASE_URL}/u/nobody_zz_e2e/card.png`);
    assert(unknown.status() === 404, `an unknown handle's card answered ${unknown.status()}`);

    await page.goto(`${BASE_URL}/u/${carla.handle}`, { waitUntil: 'domcontentloaded' });
    const share = async () => {
      const url = page.locator(active('[data-testid="share-url"]'));
      await url.waitFor({ timeout: TIMEOUT });
      await url.scrollIntoViewIfNeeded();
      return url;
    };
    const url = await share();
    assert((await url.inputValue()) === `${BASE_URL}/u/${carla.handle}`, await url.inputValue());
    await shotLanguages(page, 'social-profile-share', share);
    await page.goto(image, { waitUntil: 'load' });
    await shotBoth(page, 'social-profile-card');
  } finally {
    await page.close();
    await carla.dispose();
  }
}

/** The markets list keeps its filters in the URL: a shared link opens filtered, reload and Back work. */
async function sharedMarketsList(ctx) {
  const page = await ctx.newPage();
  try {
    await page.setViewportSize({ width: VIEWPORTS[0].width, height: VIEWPORTS[0].height });
    await page.goto(`${BASE_URL}/markets?category=sports&status=any&sort=volume`, {
      waitUntil: 'domcontentloaded',
    });
    const pressed = (name) =>
      page
        .locator(active('button[aria-pressed="true"]'), { hasText: new RegExp(`^${name}$`) })
        .waitFor({ timeout: TIMEOUT });
    await pressed('Sports');
    const selects = page.locator(active('select'));
    assert((await selects.nth(0).inputValue()) === '', 'status is not "any" from the link');
    assert((await selects.nth(1).inputValue()) === 'volume', 'sort is not volume from the link');

    await page.locator(active('button'), { hasText: /^Crypto$/ }).click();
    await page.waitForURL(/category=crypto/, { timeout: TIMEOUT });
    await page.reload({ waitUntil: 'domcontentloaded' });
    await pressed('Crypto');
    await page.locator(active('input[type="search"]')).fill('bitcoin');
    await page.waitForURL(/q=bitcoin/, { timeout: TIMEOUT });
    assert(/category=crypto/.test(page.url()), `the search dropped the category: ${page.url()}`);
    await shotLanguages(page, 'social-shared-list', () => pressed('Crypto'));

    await page.goBack({ waitUntil: 'domcontentloaded' });
    await page.waitForURL(/category=sports/, { timeout: TIMEOUT });
    await pressed('Sports');
  } finally {
    await page.close();
  }
}

export const journeys = [
  ['social-follow', followAndSeeFollowingFeed],
  ['social-referral', registerThroughReferralLink],
  ['social-share-card', shareCard],
  ['social-profile-card', profileShareCard],
  ['social-shared-list', sharedMarketsList],
];
