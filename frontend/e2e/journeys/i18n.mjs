// The app in Filipino, end to end: Filipino market titles in the list, a market page, an error
// message from the server, a forecast, chip history and a notification rendered in Filipino.
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  BASE_URL,
  TIMEOUT,
  VIEWPORTS,
  active,
  apiAs,
  assert,
  openMarkets,
  readBalance,
  shotBoth,
  waitForBalance,
} from '../lib.mjs';

/** The admin's API client with its own cookies, so admin calls don't touch the browser's session. */
const adminApi = () => apiAs(ADMIN_EMAIL, ADMIN_PASSWORD);

async function filipinoEndToEnd(ctx) {
  await ctx.clearCookies();
  const page = await ctx.newPage();
  const vp = VIEWPORTS[0];
  await page.setViewportSize({ width: vp.width, height: vp.height });
  await page.goto(BASE_URL + '/markets', { waitUntil: 'domcontentloaded' });
  await page.evaluate(() => localStorage.setItem('pm.lang', 'fil'));

  // 1. The markets list shows the demo markets' Filipino titles.
  const res = await page.request.get(`${BASE_URL}/api/v1/markets?limit=50`);
  const demo = (await res.json()).data.filter((m) => m.title_fil);
  assert(demo.length > 0, 'no market has a Filipino title (demo data without Filipino text?)');
  const titles = await openMarkets(page);
  assert(
    (await page.evaluate(() => document.documentElement.lang)) === 'fil',
    'the app is not in Filipino',
  );
  const shown = await page
    .locator(active('[data-testid="market-list"] article h2'))
    .allInnerTexts();
  const filipinoShown = shown.filter((t) => demo.some((m) => m.title_fil === t.trim()));
  assert(
    filipinoShown.length > 0,
    `no Filipino title in the list; first card: ${await titles.innerText()}`,
  );
  assert(
    !shown.some((t) => demo.some((m) => m.title === t.trim())),
    'a market with a Filipino title is listed in English',
  );
  await shotBoth(page, 'i18n-markets');

  // 2. A server error comes back in Filipino.
  await page.goto(BASE_URL + '/login', { waitUntil: 'domcontentloaded' });
  await page.locator(active('input[name="email"]')).fill('walang-ganito@example.com');
  await page.locator(active('input[name="password"]')).fill('maling-password-ito');
  await page.locator(active('form ion-button[type="submit"]')).click();
  const alert = page.locator(active('[role="alert"]'), { hasText: 'Mali ang email o password' });
  await alert.waitFor({ timeout: TIMEOUT });
  await shotBoth(page, 'i18n-server-error');

  // 3. Sign up in Filipino; the app saves the language on the account.
  const email = `e2e-fil-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  await page.goto(BASE_URL + '/register', { waitUntil: 'domcontentloaded' });
  await page.locator(active('input[name="display_name"]')).fill('Juana Tester');
  await page.locator(active('input[name="email"]')).fill(email);
  await page.locator(active('input[name="password"]')).fill('tamang-password-2026');
  await page.locator(active('form ion-button[type="submit"]')).click();
  await page.waitForURL(/\/markets/, { timeout: TIMEOUT });
  const before = await readBalance(page);

  // 4. A market with Filipino text: its page, and a forecast in Filipino.
  const admin = await adminApi();
  const stamp = Date.now().toString(36);
  const market = await admin.call('POST', '/admin/markets', {
    title: `E2E: Will the MRT run on Christmas Day? #${stamp}`,
    title_fil: `E2E: Tatakbo ba ang MRT sa Pasko? #${stamp}`,
    description: 'Resolves YES if the MRT-3 runs on 25 December.',
    description_fil: 'OO ang resulta kung tatakbo ang MRT-3 sa 25 Disyembre.',
    category: 'other',
    outcomes: ['Yes', 'No'],
    outcomes_fil: ['Oo', 'Hindi'],
    closes_at: new Date(Date.now() + 2 * 86400_000).toISOString(),
  });
  await page.goto(`${BASE_URL}/markets/${market.slug}`, { waitUntil: 'domcontentloaded' });
  await page
    .locator(active('h1'), { hasText: `Tatakbo ba ang MRT sa Pasko? #${stamp}` })
    .waitFor({ timeout: TIMEOUT });
  await page
    .getByText('OO ang resulta kung tatakbo ang MRT-3')
    .first()
    .waitFor({ timeout: TIMEOUT });
  const slip = page.locator(active('[data-testid="forecast-slip"]'));
  await slip.waitFor({ timeout: TIMEOUT });
  await slip.locator('[data-testid="slip-outcome"]', { hasText: 'Oo' }).first().click();
  await slip.locator('input[name="points"]').fill('10');
  const submit = slip.locator('ion-button[type="submit"]');
  const label = (await submit.innerText()).trim();
  assert(/I-forecast ang ₱10/.test(label), `slip button says "${label}"`);
  await shotBoth(page, 'i18n-market');
  await submit.click();
  await slip.locator('[role="status"][data-kind="success"]').waitFor({ timeout: TIMEOUT });
  await waitForBalance(page, before - 10);
  const me = await page.request.get(`${BASE_URL}/api/v1/users/me`);
  assert((await me.json()).data.language === 'fil', 'the account did not save Filipino');

  // 5. The admin cancels it: the notification says cancelled and refunded, in Filipino.
  await admin.call('POST', `/admin/markets/${market.id}/cancel`, { reason: 'E2E: walang pasok' });
  await admin.dispose();
  await waitForBalance(page, before);
  await page.goto(BASE_URL + '/notifications', { waitUntil: 'domcontentloaded' });
  const notification = page.locator(active('[data-testid="notification"]'), {
    hasText: 'Tatakbo ba ang MRT sa Pasko?',
  });
  await notification.first().waitFor({ timeout: TIMEOUT * 2 });
  const text = await notification.first().innerText();
  assert(text.includes('Na-cancel ang market'), `notification title: ${text}`);
  assert(!text.includes('Market resolved'), `a cancelled market is titled resolved: ${text}`);
  assert(text.includes('na-refund ang 10 chips (₱10) mo'), `notification text: ${text}`);
  await shotBoth(page, 'i18n-notifications');

  // 6. Chip history: reasons in Filipino.
  await page.goto(BASE_URL + '/wallet', { waitUntil: 'domcontentloaded' });
  const refund = page.locator(active('[data-reason="refund"]')).first();
  await refund.waitFor({ timeout: TIMEOUT });
  assert((await refund.innerText()).trim() === 'Na-refund', 'the refund is not labelled Na-refund');
  await page.locator(active('[data-reason="forecast"]')).first().waitFor({ timeout: TIMEOUT });
  await refund.scrollIntoViewIfNeeded();
  await shotBoth(page, 'i18n-chip-history');

  await page.evaluate(() => localStorage.removeItem('pm.lang'));
  await page.close();
}

export const journeys = [['i18n-filipino', filipinoEndToEnd]];
