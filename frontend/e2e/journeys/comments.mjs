// Comments on a market, end to end: a forecaster comments and their position shows beside it, a
// second user sees it, likes it, replies (the first is notified), sees a new comment arrive live and
// reports it; a moderator finds it in the flags queue and hides it, and readers see it hidden.
import { request } from 'playwright-core';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  BASE_URL,
  TIMEOUT,
  VIEWPORTS,
  active,
  apiAs,
  assert,
  findOpenMarket,
  login,
  logout,
  registerFreshUser,
  shotBoth,
  xsrf,
} from '../lib.mjs';

/** The comments section of the market page at `slug`, scrolled into view. */
async function openComments(page, slug) {
  await page.goto(`${BASE_URL}/markets/${slug}`, { waitUntil: 'domcontentloaded' });
  const section = page.locator(active('[data-testid="comments"]'));
  await section.waitFor({ state: 'attached', timeout: TIMEOUT });
  await section.scrollIntoViewIfNeeded();
  return section;
}

async function commentWithPositionReplyLikeReportHide(ctx) {
  const vp = VIEWPORTS[0];
  const stamp = Date.now();
  const text = `Ulan talaga ${stamp}: see https://www.pagasa.dost.gov.ph`;
  const replyText = `Sang-ayon ako ${stamp}`;
  const liveText = `Live update ${stamp}`;

  // 1. Ana backs the first outcome with ₱100, then comments: her position shows beside it.
  const ana = await registerFreshUser(ctx, vp);
  const slug = await findOpenMarket(ana.page);
  const market = (await (await ana.page.request.get(`${BASE_URL}/api/v1/markets/${slug}`)).json())
    .data;
  const outcome = market.outcomes[0];
  const placed = await ana.page.request.post(`${BASE_URL}/api/v1/forecasts`, {
    data: { market_id: market.id, outcome_id: outcome.id, points: 100 },
    headers: { 'X-XSRF-TOKEN': await xsrf(ana.page) },
  });
  assert(placed.ok(), `forecast answered ${placed.status()}`);
  let section = await openComments(ana.page, slug);
  await section.locator('textarea').first().fill(text);
  await section.locator('form ion-button[type="submit"]').first().click();
  const mine = section
    .locator('[data-testid="comment"]')
    .filter({ hasText: `Ulan talaga ${stamp}` });
  await mine.waitFor({ timeout: TIMEOUT });
  const badge = await mine.locator('[data-testid="comment-position"]').innerText();
  assert(
    badge.includes('₱100') && badge.includes(outcome.name),
    `position badge reads "${badge}", expected ₱100 on ${outcome.name}`,
  );
  const link = mine.locator('a[href="https://www.pagasa.dost.gov.ph"]');
  assert((await link.count()) === 1, 'the link in the comment is not clickable');
  await shotBoth(ana.page, 'comments-posted');
  await logout(ana.page);
  await ana.page.close();

  // 2. Ben sees it, likes it and replies; Ana is notified of the reply.
  const ben = await registerFreshUser(ctx, vp);
  section = await openComments(ben.page, slug);
  const thread = section
    .locator('[data-testid="comment-thread"]')
    .filter({ hasText: `Ulan talaga ${stamp}` })
    .first();
  await thread.waitFor({ timeout: TIMEOUT });
  const like = thread.locator('[data-testid="comment-like"]').first();
  await like.click();
  await ben.page.waitForFunction(
    (el) => el.getAttribute('aria-pressed') === 'true' && el.textContent.includes('1'),
    await like.elementHandle(),
    { timeout: TIMEOUT },
  );
  await thread.getByRole('button', { name: 'Reply', exact: true }).first().click();
  await thread.locator('textarea').fill(replyText);
  await thread.locator('form ion-button[type="submit"]').click();
  await thread
    .locator('[data-testid="comment-reply"]')
    .filter({ hasText: replyText })
    .waitFor({ timeout: TIMEOUT });

  const anaApi = await apiAs(ana.email, ana.password);
  let notified = false;
  for (let i = 0; i < 20 && !notified; i++) {
    const notes = await anaApi.call('GET', '/notifications');
    notified = notes.some((n) => n.type === 'comment_reply' && n.message.includes(replyText));
    if (!notified) await ben.page.waitForTimeout(250);
  }
  assert(notified, 'Ana was not notified of the reply');

  // 3. A comment Ana posts now reaches Ben's open page through the market's live stream.
  await anaApi.call('POST', `/markets/${market.id}/comments`, { body: liveText });
  await section
    .locator('[data-testid="comment"]')
    .filter({ hasText: liveText })
    .waitFor({ timeout: TIMEOUT });
  await anaApi.dispose();

  // 4. Ben reports Ana's first comment.
  const first = thread.locator('[data-testid="comment"]').first();
  await first.getByRole('button', { name: 'Report', exact: true }).click();
  await first.getByRole('textbox').fill('Off-topic link');
  await first.getByRole('button', { name: 'Send report' }).click();
  await first.locator('[data-testid="comment-reported"]').waitFor({ timeout: TIMEOUT });
  await shotBoth(ben.page, 'comments-thread');
  await logout(ben.page);
  await ben.page.close();

  // 5. A moderator finds it in the flags queue and hides it.
  const mod = await ctx.newPage();
  await mod.setViewportSize({ width: vp.width, height: vp.height });
  await login(mod, ADMIN_EMAIL, ADMIN_PASSWORD);
  await mod.goto(`${BASE_URL}/admin`, { waitUntil: 'domcontentloaded' });
  await mod.locator(active('[role="tab"]')).filter({ hasText: 'Flags' }).click();
  const flag = mod
    .locator(active('[data-testid="flag-row"]'))
    .filter({ hasText: `Ulan talaga ${stamp}` });
  await flag.waitFor({ timeout: TIMEOUT });
  await shotBoth(mod, 'comments-flag');
  await flag.locator('ion-button').filter({ hasText: 'Hide comment' }).click();
  section = await openComments(mod, slug);
  const hidden = section.locator(`[data-testid="comment"][data-hidden="true"]`);
  await hidden.first().waitFor({ timeout: TIMEOUT });
  assert(
    (await hidden.first().innerText()).includes('Hidden by a moderator'),
    'the moderator does not see the comment marked hidden',
  );
  await shotBoth(mod, 'comments-hidden');
  await logout(mod);
  await mod.close();

  // 6. Readers see a placeholder, not the text.
  const anon = await request.newContext({ baseURL: BASE_URL });
  const listed = (await (await anon.get(`/api/v1/markets/${market.id}/comments?limit=50`)).json())
    .data;
  const hiddenComment = listed.find((c) => c.hidden);
  assert(hiddenComment && hiddenComment.body === '', 'a reader still sees the hidden text');
  assert(
    hiddenComment.replies.some((r) => r.body === replyText),
    'the reply to the hidden comment is gone',
  );
  await anon.dispose();
}

export const journeys = [['comments', commentWithPositionReplyLikeReportHide]];
