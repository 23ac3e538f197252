// Lighthouse (mobile) against the markets list and one market page of a running server; prints
// the four category scores and writes the reports to ../target/lighthouse/.
// Usage: BASE_URL=http://localhost:8080 npm run lighthouse   (CHROME_PATH defaults to /usr/bin/chromium)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(root, '..', 'target', 'lighthouse');
const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/$/, '');
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
].join(' ');

const res = await fetch(`${BASE_URL}/api/v1/markets?status=open&sort=volume&order=desc&limit=1`);
const slug = (await res.json()).data?.[0]?.slug;
const pages = [
  ['markets', `${BASE_URL}/markets`],
  ...(slug ? [['market', `${BASE_URL}/markets/${slug}`]] : []),
];

fs.mkdirSync(out, { recursive: true });
const rows = [];
for (const [name, url] of pages) {
  const file = path.join(out, `${name}.json`);
  execFileSync(
    path.join(root, 'node_modules/.bin/lighthouse'),
    [
      url,
      '--quiet',
      '--form-factor=mobile',
      '--output=json',
      '--output=html',
      `--output-path=${path.join(out, name)}`,
      `--chrome-flags=${CHROME_FLAGS}`,
      '--only-categories=performance,accessibility,best-practices,seo',
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' },
    },
  );
  const report = JSON.parse(fs.readFileSync(file.replace('.json', '.report.json'), 'utf8'));
  const score = (k) => Math.round((report.categories[k]?.score ?? 0) * 100);
  rows.push({
    page: name,
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    seo: score('seo'),
    LCP: report.audits['largest-contentful-paint']?.displayValue,
    CLS: report.audits['cumulative-layout-shift']?.displayValue,
  });
  const failing = Object.values(report.audits)
    .filter(
      (a) =>
        a.score !== null &&
        a.score < 0.9 &&
        a.scoreDisplayMode !== 'informative' &&
        a.scoreDisplayMode !== 'manual' &&
        a.scoreDisplayMode !== 'notApplicable',
    )
    .map((a) => `  ${name}: ${a.id} (${a.score}) ${a.displayValue ?? ''}`);
  if (failing.length) console.log(failing.join('\n'));
}
console.table(rows);
console.log(`reports: ${path.relative(process.cwd(), out)}/<page>.report.html`);
