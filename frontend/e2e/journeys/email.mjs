// Email, end to end through the development mail server: the verification link of a new account,
// then "Forgot password?" → the reset mail read through the dev mail API → a new password → the
// session the browser had before is gone, and the new password logs in.
import {
  BASE_URL,
  TIMEOUT,
  VIEWPORTS,
  active,
  assert,
  login,
  registerFreshUser,
  shotBoth,
} from '../lib.mjs';

/** The newest mail to `to` whose subject contains `subject`, waiting for the outbox to send it. */
async function mailTo(page, to, subject) {
  const deadline = Date.now() + TIMEOUT;
  while (Date.now() < deadline) {
    const res = await page.request.get(`${BASE_URL}/api/v1/dev/mail?to=${encodeURIComponent(to)}`);
    assert(res.ok(), `GET /dev/mail answered ${res.status()} (is the dev mail server on?)`);
    const found = (await res.json()).data.find((m) => m.subject.includes(subject));
    if (found) return found;
    await page.waitForTimeout(500);
  }
  throw new Error(`no mail to ${to} about "${subject}" within ${TIMEOUT} ms`);
}

/** The app path of the first link in the mail's text (the mail may name another host). */
function linkIn(mail, pathPrefix) {
  const url = mail.text.match(/https?:\/\/\S+/g)?.find((u) => u.includes(pathPrefix));
  assert(url, `no ${pathPrefix} link in: ${mail.text}`);
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

async function forgotPasswordResetEndsOldSession(ctx) {
  const vp = VIEWPORTS[0];
  const { page, email, password } = await registerFreshUser(ctx, vp);

  // 1. A new account is reminded to confirm its address; the emailed link confirms it.
  await page.locator(active('[data-testid="verify-email-banner"]')).waitFor({ timeout: TIMEOUT });
  const verification = await mailTo(page, email, 'Confirm your email');
  assert(verification.html.includes('<a href='), 'the verification mail has no HTML link');
  await page.goto(BASE_URL + linkIn(verification, '/verify-email'), {
    waitUntil: 'domcontentloaded',
  });
  await page
    .locator(active('[data-testid="link-done"]'), { hasText: email })
    .waitFor({ timeout: TIMEOUT });
  await page.goto(BASE_URL + '/markets', { waitUntil: 'domcontentloaded' });
  await page.locator(active('[data-testid="market-list"]')).waitFor({ timeout: TIMEOUT });
  assert(
    (await page.locator(active('[data-testid="verify-email-banner"]')).count()) === 0,
    'the banner still asks a verified user to confirm',
  );

  // 2. Keep this session aside and forget the password in a logged-out browser.
  const oldSession = await ctx.cookies(BASE_URL);
  await ctx.clearCookies();
  await page.evaluate(() => localStorage.removeItem('pm.session'));
  await page.goto(BASE_URL + '/login', { waitUntil: 'domcontentloaded' });
  await page.locator(active('a[href="/forgot-password"]')).click();
  await page.waitForURL(/\/forgot-password$/, { timeout: TIMEOUT });
  // The form of the page that slid in (the login page's is still in the DOM during the transition).
  await page.locator(active('[data-testid="forgot-form"] input[name="email"]')).fill(email);
  await page.locator(active('[data-testid="forgot-form"] ion-button[type="submit"]')).click();
  await page
    .locator(active('[data-testid="reset-requested"]'), { hasText: email })
    .waitFor({ timeout: TIMEOUT });
  await shotBoth(page, 'email-reset-requested');

  // 3. The reset mail, read as a user would, and its link.
  const reset = await mailTo(page, email, 'Reset your Pilimarket password');
  const resetPath = linkIn(reset, '/reset-password');
  await page.goto(BASE_URL + resetPath, { waitUntil: 'domcontentloaded' });
  const newPassword = 'a-fresh-passphrase-' + Date.now();
  await page
    .locator(active('[data-testid="reset-form"] input[name="new-password"]'))
    .fill(newPassword);
  await page
    .locator(active('[data-testid="reset-form"] input[name="repeat-password"]'))
    .fill(newPassword);
  await page.locator(active('[data-testid="reset-form"] ion-button[type="submit"]')).click();
  await page.locator(active('[data-testid="password-reset-done"]')).waitFor({ timeout: TIMEOUT });
  await shotBoth(page, 'email-password-reset');

  // 4. The link works once.
  await page.goto(BASE_URL + resetPath, { waitUntil: 'domcontentloaded' });
  const form = (field) => active(`[data-testid="reset-form"] ${field}`);
  await page.locator(form('input[name="new-password"]')).fill('yet-another-passphrase');
  await page.locator(form('input[name="repeat-password"]')).fill('yet-another-passphrase');
  await page.locator(form('ion-button[type="submit"]')).click();
  await page
    .locator(active('[data-testid="dead-link"]'), { hasText: 'already used' })
    .waitFor({ timeout: TIMEOUT });

  // 5. The session from before the reset is gone: its cookies no longer sign anyone in.
  await ctx.clearCookies();
  await ctx.addCookies(oldSession);
  const me = await page.request.get(`${BASE_URL}/api/v1/users/me`);
  assert(me.status() === 401, `the old session still answers /users/me with ${me.status()}`);
  await page.evaluate(() => localStorage.setItem('pm.session', '1'));
  await page.goto(BASE_URL + '/profile', { waitUntil: 'domcontentloaded' });
  await page.locator(active('h1'), { hasText: 'Join Pilimarket' }).waitFor({ timeout: TIMEOUT });

  // 6. The old password is refused and the new one logs in.
  await ctx.clearCookies();
  const old = await page.request.post(`${BASE_URL}/api/v1/auth/login`, {
    data: { email, password },
  });
  assert(old.status() === 401, `the old password still logs in (${old.status()})`);
  await login(page, email, newPassword);
  await page.close();
}

export const journeys = [['email-forgot-password', forgotPasswordResetEndsOldSession]];
