import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, landcap } from '../helpers.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
// CI installs Debian's chromium (.ci/run) and sets LANDCAP_REQUIRE_BROWSER: there the test must run, not skip.
const required = process.env.LANDCAP_REQUIRE_BROWSER === '1';
const OUT = join(ROOT, 'test-output');
const REGIONS = 'tests/fixtures/regions';
const MAP = 'tests/fixtures/map/townships.geojson';

/**
 * A page in Chromium with the network blocked, opened on the file: it loads with no error logged and requests nothing
 * but the file itself.
 */
async function openOffline(html: string) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1100, height: 1400 } });
  const requests: string[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  // The network is blocked: anything but the file itself is refused (and would count as a failed request).
  await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  const page = await context.newPage();
  page.on('request', (req) => requests.push(req.url()));
  page.on('requestfailed', (req) => failed.push(req.url()));
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(err.message));
  try {
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(requests).toEqual([pathToFileURL(html).href]);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, page };
}

describe.skipIf(!CHROMIUM && !required)('the HTML report in a real browser', () => {
  it('opens offline with no errors, one bar per township and the total figures; screenshot saved', async () => {
    expect(CHROMIUM, 'Debian chromium is not installed (apt-get install chromium)').toBeDefined();
    mkdirSync(OUT, { recursive: true });
    const html = join(OUT, 'report.html');
    const json = JSON.parse(landcap(['report', '--format', 'json']).stdout);
    const r = landcap([
      'report',
      '--format',
      'html',
      '--output',
      html,
      '--title',
      '北票市畜禽粪污土地承载力',
      '--region',
      '北票市',
      '--year',
      '2024',
      '--lang',
      'en',
    ]);
    expect(r.status, r.stderr).toBe(0);

    const { browser, page } = await openOffline(html);
    try {
      const bars = page.locator('#load-chart rect.bar');
      expect(await bars.count()).toBe(json.townships.length);
      const barNames = await bars.evaluateAll((els) => els.map((e) => e.getAttribute('data-township')));
      expect(new Set(barNames)).toEqual(new Set(json.townships.map((t: { name: string }) => t.name)));
      // Sorted by load index, highest first.
      const indices = await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-load-index'))));
      expect(indices).toEqual([...indices].sort((a, b) => b - a));
      expect(await page.locator('#stock-capacity-chart rect.stock').count()).toBe(json.townships.length);
      const summary = await page.locator('#summary').innerText();
      const fmt = (v: number) => Math.round(v).toLocaleString('en-US');
      expect(summary).toContain(fmt(json.total.capacityPe));
      expect(summary).toContain(fmt(json.total.stockPe));
      expect(summary).toContain(json.total.loadIndex.toFixed(3));
      expect(await page.locator('h1').innerText()).toBe('北票市畜禽粪污土地承载力');
      expect(await page.locator('table tbody tr').count()).toBe(json.townships.length + 1);

      const shot = join(OUT, 'html-report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      // The print layout: an A4 PDF of it.
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await browser.close();
    }
  });

  it('the transfer plan on a map: one path per township, filled by its status, an arrow per flow; offline, no errors; screenshot saved', async () => {
    mkdirSync(OUT, { recursive: true });
    const html = join(OUT, 'transfer-map.html');
    const args = ['transfer', '--crops', `${REGIONS}/crops.csv`, '--livestock', `${REGIONS}/livestock.csv`, '--places', `${REGIONS}/places.csv`, '--map', MAP];
    const plan = JSON.parse(landcap([...args, '--format', 'json']).stdout) as { flows: unknown[]; townships: { name: string; county: string; status: string }[] };
    const r = landcap([...args, '--format', 'html', '--output', html]);
    expect(r.status, r.stderr).toBe(0);
    const features = (JSON.parse(readFileSync(join(ROOT, MAP), 'utf8')) as { features: unknown[] }).features;
    const { browser, page } = await openOffline(html);
    try {
      const paths = page.locator('#map path.township');
      expect(await paths.count()).toBe(features.length);
      const drawn = await paths.evaluateAll((els) =>
        els.map((e) => ({
          name: e.getAttribute('data-township'),
          fill: e.getAttribute('fill'),
          area: (e as unknown as { getBBox(): { width: number; height: number } }).getBBox().width,
        })),
      );
      // Each township of the plan in the colour of its status (the page's colours), and every shape drawn with an area.
      const rgb = { ok: '#2e7d32', warning: '#e6a700', overloaded: '#c62828', 'no-land': '#7b1fa2' } as Record<string, string>;
      for (const t of plan.townships) expect(drawn.find((d) => d.name === `${t.county} ${t.name}`)?.fill).toBe(rgb[t.status]);
      expect(drawn.every((d) => d.area > 10)).toBe(true);
      expect(await page.locator('#map line.flow').count()).toBe(plan.flows.length);
      expect(await page.locator('#map .scale-bar text').textContent()).toMatch(/^\d+ km$/);
      const shot = join(OUT, 'transfer-map.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  });
});
