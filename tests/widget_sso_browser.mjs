// The widget's sign-in in a real browser (Debian's Chromium, playwright-core):
// the demo page, with its /config.js replaced by what an intranet page with
// single sign-on would give: a `token` function that returns a Promise, as
// MSAL.js does. Run by tests/test_sso.py; exits non-zero on the first failed
// check.
//
//   DEMO_URL=... RASA_URL=... GOOD_TOKEN=... BAD_TOKEN=... REFUSAL=... node tests/widget_sso_browser.mjs
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const { DEMO_URL, RASA_URL, GOOD_TOKEN, BAD_TOKEN, REFUSAL } = process.env;
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ANSWER_TIMEOUT = 60_000;
for (const [name, value] of Object.entries({ DEMO_URL, RASA_URL, GOOD_TOKEN, BAD_TOKEN, REFUSAL })) {
  assert.ok(value, `${name} is not set`);
}

// The intranet page's settings: the token comes a little later, from a Promise.
function config(token) {
  return (
    `window.eenzaamheidWidget = { server: ${JSON.stringify(RASA_URL)}, token: function () {\n` +
    `  return new Promise(function (klaar) { setTimeout(function () { klaar(${JSON.stringify(token)}); }, 50); });\n` +
    `} };\n`
  );
}

async function openWidget(browser, token) {
  const context = await browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.route("**/config.js", (route) =>
    route.fulfill({ contentType: "text/javascript; charset=utf-8", body: config(token) })
  );
  await page.goto(DEMO_URL);
  await page.getByRole("button", { name: "Vraag de assistent" }).click();
  return { page, errors };
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const signedIn = await openWidget(browser, GOOD_TOKEN);
  await signedIn.page
    .locator(".bericht.assistent", { hasText: "digitale assistent, geen mens" })
    .first()
    .waitFor({ timeout: ANSWER_TIMEOUT });
  const conversation = await signedIn.page.evaluate(() => sessionStorage.getItem("eenzaamheid-widget:gesprek"));
  assert.match(conversation, /^[0-9a-f]{32}$/);
  assert.deepEqual(signedIn.errors, []);
  console.log("ok 1 - a token from a function returning a Promise signs in, and the greeting comes");

  const refused = await openWidget(browser, BAD_TOKEN);
  await refused.page.locator(".status.zichtbaar", { hasText: REFUSAL }).waitFor({ timeout: 20_000 });
  assert.equal(await refused.page.locator(".bericht.assistent").count(), 0);
  assert.deepEqual(refused.errors, []);
  console.log("ok 2 - a refused token shows the server's Dutch message and no conversation");
} finally {
  await browser.close();
}
