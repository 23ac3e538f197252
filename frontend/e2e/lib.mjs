// Shared helpers for the browser journeys (run.mjs and journeys/*.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/$/, '');
const here = path.dirname(fileURLToPath(import.meta.url));
export const SHOTS = path.resolve(here, '..', '..', 'target', 'e2e-screenshots');
export const VIEWPORTS = [
  { name: '390x844', width: 390, height: 844 },
  { name: '1280x800', width: 1280, height: 800 },
];
export const TIMEOUT = Number(process.env.E2E_TIMEOUT || 15000);
export const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL || 'admin@pilimarket.ph';
export const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD || 'pilimarket-admin-2026';

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export async function shot(page, journey, viewport) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({
    path: path.join(SHOTS, `${journey}-${viewport.name}.png`),
    fullPage: false,
  });
}

/** Screenshots `page` at both viewports (phone first), leaving it at the phone size. */
export async function shotBoth(page, journey) {
  for (const vp of [VIEWPORTS[1], VIEWPORTS[0]]) {
    await page.setViewportSize({ width: vp.width, height: vp.height });
    await page.waitForTimeout(250);
    await shot(page, journey, vp);
  }
}

/** `selector` inside the page the router outlet shows (Ionic keeps earlier pages hidden in the DOM). */
export function active(selector) {
  return `ion-router-outlet > .ion-page:not(.ion-page-hidden) ${selector}`;
}

/** Opens the full markets list (the first screen `/` is the home feed; the list is one tap away). */
export async function openMarkets(page) {
  await page.goto(BASE_URL + '/markets', { waitUntil: 'domcontentloaded' });
  await page.waitForURL(/\/markets$/, { timeout: TIMEOUT });
  const title = page.locator(active('[data-testid="market-list"] article h2')).first();
  await title.waitFor({ state: 'visible', timeout: TIMEOUT });
  return title;
}

/** Signs up a fresh user in a fresh page; returns the page and the starting chip balance. */
export async function registerFreshUser(ctx, vp) {
  await ctx.clearCookies();
  const page = await ctx.newPage();
  await page.setViewportSize({ width: vp.width, height: vp.height });
  const email = `e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  await page.goto(BASE_URL + '/register', { waitUntil: 'domcontentloaded' });
  await page.locator(active('input[name="display_name"]')).fill('E2E Tester');
  await page.locator(active('input[name="email"]')).fill(email);
  await page.locator(active('input[name="password"]')).fill('correct-horse-battery');
  await page.locator(active('form ion-button[type="submit"]')).click();
  await page.waitForURL(/\/markets/, { timeout: TIMEOUT });
  const before = await readBalance(page);
  assert(before > 0, 'new account has no chips');
  return { page, before, email, password: 'correct-horse-battery' };
}

export async function readBalance(page) {
  const selector = active('[data-testid="chip-balance"]');
  // While a page transition runs, the leaving page is not hidden yet and shows a balance too.
  await page.waitForFunction((s) => document.querySelectorAll(s).length === 1, selector, {
    timeout: TIMEOUT,
  });
  const balance = page.locator(selector);
  await balance.waitFor({ state: 'visible', timeout: TIMEOUT });
  return chipsIn(await balance.innerText());
}

/** The chip count of a balance text: "1,700 chips (₱1,700)" or "1,700 chips" → 1700. */
export function chipsIn(text) {
  return Number((text.match(/[\d,]+/)?.[0] ?? '').replace(/,/g, ''));
}

export async function waitForBalance(page, expected) {
  await page.waitForFunction(
    ([sel, want]) => {
      const el = document.querySelector(sel);
      const first = el?.textContent.match(/[\d,]+/)?.[0] ?? '';
      return el && Number(first.replace(/,/g, '')) === want;
    },
    [active('[data-testid="chip-balance"]'), expected],
    { timeout: TIMEOUT },
  );
}

/** The slug of an open market that stays open for a while, found through the API. */
export async function findOpenMarket(page) {
  const res = await page.request.get(
    `${BASE_URL}/api/v1/markets?status=open&sort=closes_at&order=desc&limit=20`,
  );
  assert(res.ok(), `GET /markets?status=open answered ${res.status()}`);
  const body = await res.json();
  const soon = Date.now() + 5 * 60_000;
  const market = (body.data || []).find(
    (m) => m.status === 'open' && Date.parse(m.closes_at) > soon && m.outcomes?.length,
  );
  assert(market, 'no open demo market to forecast on');
  return market.slug || market.id;
}

export async function login(page, email, password) {
  await page.goto(BASE_URL + '/login', { waitUntil: 'domcontentloaded' });
  await page.locator(active('input[name="email"]')).fill(email);
  await page.locator(active('input[name="password"]')).fill(password);
  await page.locator(active('form ion-button[type="submit"]')).click();
  await page.waitForURL(/\/markets/, { timeout: TIMEOUT });
  await readBalance(page);
}

export async function logout(page) {
  await page.request.post(`${BASE_URL}/api/v1/auth/logout`, {
    headers: { 'X-XSRF-TOKEN': await xsrf(page) },
  });
  await page.context().clearCookies();
  await page.evaluate(() => localStorage.removeItem('pm.session'));
}

export async function xsrf(page) {
  const cookies = await page.context().cookies(BASE_URL);
  return cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
}

// --- Set-up through the API (bearer tokens), shared by the journeys --------------------------------

export const PASSWORD = 'correct-horse-battery';

/**
 * One API call with a bearer token; returns the envelope's data (throws on an error answer). A
 * forecast gets an Idempotency-Key, as the app sends one.
 */
export async function api(method, path, { token, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method === 'POST' && path === '/forecasts') headers['Idempotency-Key'] = crypto.randomUUID();
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  assert(
    res.ok,
    `${method} ${path} answered ${res.status}: ${JSON.stringify(json?.errors ?? json)}`,
  );
  return json.data;
}

/** The demo admin's access token. */
export async function adminToken() {
  const data = await api('POST', '/auth/login', {
    body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  });
  return data.access_token;
}

/** A fresh user registered through the API: `{email, password, token}`. */
export async function newUser(name, prefix = 'e2e') {
  const email = `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const data = await api('POST', '/auth/register', {
    body: { email, password: PASSWORD, display_name: name },
  });
  return { email, password: PASSWORD, token: data.access_token };
}

/**
 * A fresh open market (outcomes Oo/Hindi unless told) closing in `days`; the title ends with a
 * unique tag to search for.
 */
export async function newMarket(
  admin,
  title,
  { category = 'other', days = 7, outcomes = ['Oo', 'Hindi'], description } = {},
) {
  return api('POST', '/admin/markets', {
    token: admin,
    body: {
      title: `${title} #${Date.now().toString(36)}`,
      description: description ?? 'Created by an end-to-end journey.',
      category,
      outcomes,
      closes_at: new Date(Date.now() + days * 86400_000).toISOString(),
    },
  });
}

export const outcomeId = (market, name) => market.outcomes.find((o) => o.name === name).id;

/** `user` forecasts `points` chips on the outcome named `name`. */
export async function forecast(user, market, name, points) {
  await api('POST', '/forecasts', {
    token: user.token,
    body: { market_id: market.id, outcome_id: outcomeId(market, name), points },
  });
}

/**
 * An API client with its own cookies (so its calls don't touch the browser's session), logged in as
 * `email`; `call(method, path, data)` returns the envelope's data.
 */
export async function apiAs(email, password) {
  const ctx = await request.newContext({ baseURL: BASE_URL });
  const res = await ctx.post('/api/v1/auth/login', { data: { email, password } });
  assert(res.ok(), `login of ${email} answered ${res.status()}`);
  const token = (await res.json()).data.access_token;
  const call = async (method, path, data) => {
    const r = await ctx.fetch(`/api/v1${path}`, {
      method,
      data,
      headers: { Authorization: `Bearer ${token}` },
    });
    assert(r.ok(), `${method} ${path} answered ${r.status()}: ${await r.text()}`);
    return (await r.json()).data;
  };
  return { call, dispose: () => ctx.dispose() };
}

/** The app's language for the next load. */
export async function setLang(page, lang) {
  await page.evaluate((l) => localStorage.setItem('pm.lang', l), lang);
}

/** Polls `check` (an async predicate) until it holds. */
export async function eventually(what, check) {
  const until = Date.now() + TIMEOUT * 2;
  while (!(await check())) {
    assert(Date.now() < until, `timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
