// The review inbox and the insight report in Debian's Chromium, driven by
// playwright-core, against the demo site that tests/integratie/test_leren.py
// starts. Exits non-zero on the first failed check. Screenshots go to SCREENSHOT_DIR.
//
//   SITE_URL=http://127.0.0.1:8005/ TOKEN=... VAN=2026-11-01 TOT=2026-11-30 USER_TEXTS='["..."]' \
//     SCREENSHOT_DIR=results/screenshots node tests/leren_browser.mjs
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const SITE = process.env.SITE_URL;
const TOKEN = encodeURIComponent(process.env.TOKEN);
const SCREENSHOTS = process.env.SCREENSHOT_DIR || "results/screenshots";
const USER_TEXTS = JSON.parse(process.env.USER_TEXTS || "[]");
mkdirSync(SCREENSHOTS, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium" });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("request", (r) => { if (!r.url().startsWith(SITE) && !r.url().startsWith("data:")) errors.push(r.url()); });

  // The report: privacy notice first, every chart drawn, a table per chart, no user text.
  await page.goto(`${SITE}inzicht?token=${TOKEN}&van=${process.env.VAN}&tot=${process.env.TOT}`);
  assert.match(await page.locator("p.privacy").innerText(), /minder dan 5 gesprekken/);
  const charts = page.locator("img");
  assert.ok((await charts.count()) >= 7, "charts");
  for (const img of await charts.all()) {
    await img.scrollIntoViewIfNeeded();
    assert.ok(await img.evaluate((i) => i.complete && i.naturalWidth > 300), "a chart that did not render");
  }
  assert.ok((await page.locator("table caption").count()) >= 10, "tables");
  assert.equal(await page.locator("table").count(), await page.locator("section").count());
  const html = await page.content();
  for (const text of USER_TEXTS) assert.ok(!html.includes(text), `user text in the report: ${text}`);
  await page.screenshot({ path: path.join(SCREENSHOTS, "inzicht-rapport.png"), fullPage: true });

  // The inbox: groups with counts and intents, redacted texts only.
  await page.goto(`${SITE}leerlus?token=${TOKEN}`);
  assert.ok((await page.locator("section h2").count()) >= 2, "groups");
  assert.match(await page.locator("section").first().innerText(), /Voorspelde intent: \w+; daarna: \w+/);
  const inbox = await page.content();
  assert.ok(inbox.includes("[NAAM]") && !inbox.includes("Jansen"), "redacted texts only");
  await page.screenshot({ path: path.join(SCREENSHOTS, "leerlus-inbox.png"), fullPage: true });
  assert.deepEqual(errors, []);
  console.log("report and inbox checked in Chromium");
} finally {
  await browser.close();
}
