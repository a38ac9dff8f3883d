// The chat widget in a real browser: Debian's Chromium, driven by
// playwright-core, against the demo page and servers that tests/integratie/test_widget_browser.py
// starts as `make run` does. Run by that test; exits non-zero on the first
// failed check. Screenshots go to SCREENSHOT_DIR.
//
//   DEMO_URL=http://127.0.0.1:8005/ RASA_URL=http://127.0.0.1:5005 SCREENSHOT_DIR=results/screenshots \
//     node tests/widget_browser.mjs
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const DEMO_URL = process.env.DEMO_URL;
const RASA_URL = process.env.RASA_URL;
const SCREENSHOTS = process.env.SCREENSHOT_DIR || "results/screenshots";
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
// Every number of data/kennis/hulplijnen.yml (tests/integratie/test_widget_browser.py passes them).
const HULPLIJN_NUMMERS = JSON.parse(process.env.HULPLIJN_NUMMERS || "[]");
const ANSWER_TIMEOUT = 60_000;
const PRIVACY =
  "Typ geen namen of andere gegevens waaraan iemand te herkennen is. Het gesprek wordt zonder zulke " +
  "gegevens bewaard, en niet langer dan 90 dagen.";
const MARKUP = `<img src=x onerror="window.__xss=1"><b>vet</b> <script>window.__xss=2</script>`;

// A document as actions send it (actions/plan/export.py::export_payload),
// with markup and a link that must stay text.
const DOCUMENT = {
  soort: "actieplan",
  bestandsnaam: "actieplan-2026-11-23.md",
  mime: "text/markdown",
  markdown: [
    "# Persoonlijk actieplan",
    "",
    "Gemaakt op maandag 23 november 2026.",
    "",
    "## Doel",
    "",
    "> Ik wil weer ergens bij horen, net als vroeger bij de sjoelclub.",
    "",
    "## Stappen",
    "",
    "1. Bellen met de biljartclub. Wie: de bewoner met de buurman. Wanneer: dinsdag 1 december 2026.",
    "2. Een avond meekijken bij de club. Wie: de bewoner en de buurman.",
    "",
    "## Let op",
    "",
    `Tekst als <img src=x onerror="window.__xss=3"> en <b>vet</b> blijft tekst, net als [een link](javascript:alert(1)).`,
    "Geïsoleerd, één, café: 100% goed.",
    "",
  ].join("\n"),
};

assert.ok(DEMO_URL, "DEMO_URL is not set");
assert.ok(RASA_URL, "RASA_URL is not set");
mkdirSync(SCREENSHOTS, { recursive: true });

const checks = [];
function ok(what) {
  checks.push(what);
  console.log(`ok ${checks.length} - ${what}`);
}

async function shot(page, name) {
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: file });
  console.log(`screenshot: ${file}`);
}

// Everything the widget shows lives in its open shadow root; Playwright's
// CSS locators pierce it.
const widget = (page) => ({
  opener: page.getByRole("button", { name: "Vraag de assistent" }),
  panel: page.locator("#ezw-paneel"),
  log: page.locator(".log"),
  input: page.getByRole("textbox", { name: "Je bericht aan de assistent" }),
  botMessages: page.locator(".bericht.assistent"),
  userMessages: page.locator(".bericht.gebruiker"),
  replies: page.locator(".knoppen .knop"),
  typing: page.locator(".typen.zichtbaar"),
});

function activeInWidget(page) {
  return page.evaluate(() => {
    const root = document.querySelector("#eenzaamheid-widget").shadowRoot;
    const el = root.activeElement;
    return el
      ? { tag: el.tagName, id: el.id, cls: el.className, text: el.textContent.trim(), inLog: Boolean(el.closest(".log")) }
      : null;
  });
}

async function waitForNewBotMessage(page, before) {
  const w = widget(page);
  await page.waitForFunction(
    (n) => document.querySelector("#eenzaamheid-widget").shadowRoot.querySelectorAll(".bericht.assistent").length > n,
    before,
    { timeout: ANSWER_TIMEOUT },
  );
  // an answer may come in several messages: wait until the typing indicator is gone
  await w.typing.waitFor({ state: "detached", timeout: ANSWER_TIMEOUT }).catch(() => {});
  await page.waitForTimeout(400);
  return (await w.botMessages.allTextContents()).slice(before);
}

async function send(page, text) {
  const w = widget(page);
  const before = await w.botMessages.count();
  await w.input.fill(text);
  await w.input.press("Enter");
  const typingSeen = await w.typing.isVisible();
  const answers = await waitForNewBotMessage(page, before);
  return { answers, typingSeen };
}

// No dialogue sends a document yet, so the HTTP API adds the bot messages an
// action would send (a summary, the document, and two custom payloads that
// are not documents) to the conversation: the same events, sent through the
// widget's channel (output_channel=socketio) and stored for the history.
async function botSends(sessionId, events) {
  const url = new URL(`conversations/${sessionId}/tracker/events`, RASA_URL);
  url.searchParams.set("output_channel", "socketio");
  url.searchParams.set("execute_side_effects", "true");
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(events),
  });
  assert.equal(response.status, 200, await response.text());
}

// The name an action gives is made safe for a file on disk.
const UNSAFE = { soort: "oefenverslag", bestandsnaam: "..\\..\\mijn verslag?.txt", markdown: "# Oefenverslag\n" };
const UNSAFE_NAME = "mijn-verslag-.txt.md";

async function checkDocumentCard(page) {
  assert.equal(await page.locator(".bericht.document").count(), 2, "not exactly two document cards");
  const unsafe = page.locator(".bericht.document").filter({ hasText: UNSAFE_NAME });
  assert.equal(await unsafe.locator(".document-titel").textContent(), `Document: ${UNSAFE_NAME}`);
  assert.equal(await unsafe.getByRole("link").getAttribute("download"), UNSAFE_NAME);
  const card = page.locator(".bericht.document").filter({ hasText: "actieplan-2026-11-23.md" });
  assert.equal((await card.locator(".document-titel").textContent()).trim(), "Document: actieplan-2026-11-23.md");
  const link = card.getByRole("link", { name: "Downloaden: actieplan-2026-11-23.md" });
  assert.equal(await link.getAttribute("download"), "actieplan-2026-11-23.md");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  assert.equal(download.suggestedFilename(), "actieplan-2026-11-23.md");
  assert.equal(readFileSync(await download.path(), "utf8"), DOCUMENT.markdown);
  assert.equal(await card.locator("pre").textContent(), DOCUMENT.markdown);
  assert.equal(await page.locator(".log img, .log b, .log script").count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  return card;
}

// WCAG contrast ratio of an element's text against the first opaque
// background behind it (inside the shadow root).
async function contrast(page, selector) {
  return page.evaluate((sel) => {
    const root = document.querySelector("#eenzaamheid-widget").shadowRoot;
    const el = root.querySelector(sel);
    if (!el) return null;
    const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => {
        v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    let bg = null;
    for (let node = el; node && node.nodeType === 1; node = node.parentNode || node.host) {
      const c = rgb(getComputedStyle(node).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3] > 0.95)) {
        bg = c;
        break;
      }
      if (!node.parentNode && node.getRootNode() !== document) node = node.getRootNode();
    }
    bg = bg || [255, 255, 255];
    const fg = rgb(getComputedStyle(el).color);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  }, selector);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

const pageErrors = [];
function watch(page) {
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  page.on("console", (msg) => {
    if (msg.type() === "error") pageErrors.push(`console: ${msg.text()}`);
  });
  page.on("dialog", (dialog) => {
    pageErrors.push(`dialog opened: ${dialog.message()}`);
    dialog.dismiss();
  });
}

try {
  // ---------------- desktop ----------------
  const desktop = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: "nl-NL",
    acceptDownloads: true,
    permissions: ["clipboard-read", "clipboard-write"],
  });
  let page = await desktop.newPage();
  watch(page);
  await page.goto(DEMO_URL);
  let w = widget(page);

  await w.opener.waitFor({ state: "visible" });
  assert.equal(await w.opener.getAttribute("aria-expanded"), "false");
  ok("the demo page shows the chat button, closed");

  // keyboard: focus the button and open it with Enter
  await w.opener.focus();
  await page.keyboard.press("Enter");
  await w.panel.waitFor({ state: "visible" });
  assert.equal(await page.locator(".opener").getAttribute("aria-expanded"), "true");
  const focused = await activeInWidget(page);
  assert.equal(focused && focused.id, "ezw-tekst", `focus after opening: ${JSON.stringify(focused)}`);
  ok("Enter on the chat button opens the panel and puts the focus in the text box");

  assert.equal((await page.locator(".privacy").textContent()).trim(), PRIVACY);
  assert.equal(await w.panel.getAttribute("aria-describedby"), "ezw-privacy");
  assert.equal(await w.log.getAttribute("aria-live"), "polite");
  assert.equal(await w.log.getAttribute("role"), "log");
  assert.equal(await page.locator("[lang=nl]").count() > 0, true);
  ok("privacy notice shown and tied to the dialog; the message log is an aria-live region");

  const greeting = await waitForNewBotMessage(page, 0);
  assert.match(greeting.join(" "), /digitale assistent, geen mens/);
  assert.ok((await w.replies.count()) >= 2, "greeting without buttons");
  ok(`a new conversation opens with the greeting and ${await w.replies.count()} buttons`);
  await shot(page, "desktop-1-begroeting.png");

  const sessionId = await page.evaluate(() => sessionStorage.getItem("eenzaamheid-widget:gesprek"));
  assert.match(sessionId || "", /^[0-9a-f]{32}$/);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  ok("the conversation id is kept in sessionStorage (this tab only), nothing in localStorage");

  // a question in the user's own words
  const signals = await send(page, "Welke signalen van eenzaamheid zijn er?");
  assert.ok(signals.typingSeen, "no typing indicator after sending");
  assert.equal((await w.userMessages.last().textContent()).replace(/^Jij: /, ""), "Welke signalen van eenzaamheid zijn er?");
  assert.match(signals.answers.join(" "), /signa/i);
  assert.match(signals.answers.join(" "), /\b(de|het|een|je)\b/);
  ok("a typed question shows the typing indicator and gets a Dutch answer about signals");

  // a quick reply
  assert.ok((await w.replies.count()) > 0, "the signals answer has no buttons");
  const reply = w.replies.first();
  const replyTitle = (await reply.textContent()).trim();
  const before = await w.botMessages.count();
  await reply.click();
  const afterReply = await waitForNewBotMessage(page, before);
  assert.equal((await w.userMessages.last().textContent()).replace(/^Jij: /, ""), replyTitle);
  assert.ok(afterReply.join(" ").length > 20);
  ok(`the quick reply "${replyTitle}" is shown as the user's message and answered`);

  // safety message: crisis lines, phone numbers as links
  const crisis = await send(page, "Ze wil niet meer leven");
  assert.match(crisis.answers.join(" "), /0800-0113/);
  assert.ok((await page.locator('.bericht.assistent a[href="tel:08000113"]').count()) > 0, "0800-0113 is not a tel: link");
  ok("a safety message gets the crisis lines at once, with 0800-0113 as a phone link");

  // a question about one help line gets that line; every help-line number links to all its digits
  const luisterlijn = await send(page, "Wat is het telefoonnummer van de Luisterlijn?");
  assert.match(luisterlijn.answers.join(" "), /De Luisterlijn: bel 088-0767 000/);
  assert.ok(HULPLIJN_NUMMERS.length >= 5, "no help-line numbers passed in HULPLIJN_NUMMERS");
  for (const nummer of HULPLIJN_NUMMERS) {
    const href = "tel:" + nummer.replace(/\D/g, "");
    const links = page.locator(`.bericht.assistent a[href="${href}"]`);
    assert.ok((await links.count()) > 0, `${nummer} is not a ${href} link`);
    assert.equal((await links.first().textContent()).trim(), nummer, `the link for ${nummer} does not show all of it`);
  }
  ok(`the Luisterlijn question gets the Luisterlijn; ${HULPLIJN_NUMMERS.join(", ")} each link to all their digits`);

  // markup typed by the user stays text, also when the server sends it back
  await send(page, MARKUP);
  assert.equal((await w.userMessages.last().textContent()).replace(/^Jij: /, ""), MARKUP);
  assert.equal(await page.locator(".log img, .log b, .log script").count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  ok("markup in a message is shown as text; no element is created from it");
  await shot(page, "desktop-2-gesprek.png");

  // a document from the assistant: a card to download, copy and read
  const botBefore = await w.botMessages.count();
  await botSends(sessionId, [
    { event: "bot", text: "Hier is het actieplan. Je kunt het downloaden of kopiëren." },
    { event: "bot", text: null, data: { custom: { soort: "actieplan", bestandsnaam: "x.md" } } },
    { event: "bot", text: null, data: { custom: { iets: "anders", markdown: 42 } } },
    { event: "bot", text: null, data: { custom: "alleen tekst" } },
    { event: "bot", text: null, data: { custom: DOCUMENT } },
    { event: "bot", text: null, data: { custom: UNSAFE } },
  ]);
  await page.waitForFunction(
    () => document.querySelector("#eenzaamheid-widget").shadowRoot.querySelectorAll(".bericht.document").length >= 2,
    null,
    { timeout: ANSWER_TIMEOUT },
  );
  assert.equal(await w.botMessages.count(), botBefore + 3, "custom payloads that are not documents must show nothing");
  assert.match(await w.botMessages.nth(botBefore).textContent(), /Hier is het actieplan/);
  let card = await checkDocumentCard(page);
  ok("a document payload shows a card; the download is actieplan-2026-11-23.md with the Markdown; unsafe names are made safe; other payloads show nothing");

  const copy = card.getByRole("button", { name: "Kopiëren: actieplan-2026-11-23.md" });
  await copy.click();
  await page.waitForFunction(() =>
    /Gekopieerd/.test(document.querySelector("#eenzaamheid-widget").shadowRoot.querySelector(".document-melding").textContent));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), DOCUMENT.markdown);
  assert.equal(await card.locator(".document-melding").getAttribute("role"), "status");
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error("geweigerd"));
    document.execCommand = () => false;
  });
  await copy.click();
  await page.waitForFunction(() =>
    /lukte niet/.test(document.querySelector("#eenzaamheid-widget").shadowRoot.querySelector(".document-melding").textContent));
  assert.equal(
    (await card.locator(".document-melding").textContent()).trim(),
    "Kopiëren lukte niet. Open hieronder de tekst, selecteer die en kopieer hem zelf.",
  );
  ok("'Kopiëren' puts the Markdown on the clipboard and says so; when copying fails it says so in Dutch");

  const summary = card.locator("summary");
  assert.equal(await card.locator("details").evaluate((d) => d.open), false);
  await summary.focus();
  await page.keyboard.press("Enter");
  assert.equal(await card.locator("details").evaluate((d) => d.open), true);
  assert.ok(await card.locator("pre").isVisible());
  await page.keyboard.press("Enter");
  assert.equal(await card.locator("details").evaluate((d) => d.open), false);
  ok("the preview opens and closes with the keyboard and shows the Markdown as text");

  const shownBefore = await w.log.locator(".bericht").count();
  const userTexts = (await w.userMessages.allTextContents()).map((t) => t.replace(/^Jij: /, ""));

  // reload: the panel stays open and the earlier messages come back from the server
  await page.reload();
  w = widget(page);
  await w.panel.waitFor({ state: "visible" });
  await page.waitForFunction(
    (n) => document.querySelector("#eenzaamheid-widget").shadowRoot.querySelectorAll(".bericht").length >= n,
    shownBefore - 1,
    { timeout: ANSWER_TIMEOUT },
  );
  const afterReload = (await w.userMessages.allTextContents()).map((t) => t.replace(/^Jij: /, ""));
  assert.deepEqual(afterReload, userTexts, "the user's messages after a reload differ");
  assert.match((await w.botMessages.allTextContents()).join(" "), /0800-0113/);
  assert.equal(await page.locator(".log img, .log b, .log script").count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.evaluate(() => sessionStorage.getItem("eenzaamheid-widget:gesprek")), sessionId);
  ok(`after a reload the same conversation shows its ${await w.log.locator(".bericht").count()} messages again, markup still as text`);
  await shot(page, "desktop-3-na-herladen.png");

  card = await checkDocumentCard(page);
  await card.locator("summary").click();
  await card.scrollIntoViewIfNeeded();
  ok("after a reload the document card is back, with the same download");

  // the next person at this PC (a new tab: a new browser session) does not get the conversation back
  const nextPerson = await desktop.newPage();
  watch(nextPerson);
  await nextPerson.goto(DEMO_URL);
  const other = widget(nextPerson);
  await other.opener.click();
  await other.panel.waitFor({ state: "visible" });
  await waitForNewBotMessage(nextPerson, 0);
  assert.equal(await other.userMessages.count(), 0, "a new browser session replayed the conversation");
  assert.match((await other.botMessages.allTextContents()).join(" "), /digitale assistent, geen mens/);
  const otherId = await nextPerson.evaluate(() => sessionStorage.getItem("eenzaamheid-widget:gesprek"));
  assert.match(otherId || "", /^[0-9a-f]{32}$/);
  assert.notEqual(otherId, sessionId);
  await nextPerson.close();
  ok("a new browser session at the same PC starts its own conversation and sees nothing of the previous one");
  await shot(page, "desktop-4-document.png");

  // contrast of text against its background
  for (const selector of [".bericht.assistent", ".bericht.gebruiker", ".knop", ".privacy", ".kop h2", ".ondertitel", ".nieuw", ".verstuur", ".bericht.assistent a", ".document-actie", ".voorbeeld summary", ".voorbeeld pre"]) {
    const ratio = await contrast(page, selector);
    if (ratio === null) continue;
    assert.ok(ratio >= 4.5, `contrast of ${selector} is ${ratio.toFixed(2)}`);
  }
  ok("text contrast is at least 4.5:1 for messages, buttons, links, document card, header and privacy notice");

  // visible focus and keyboard order: text box -> send button, then Escape closes
  await w.input.focus();
  await page.keyboard.press("Tab");
  let active = await activeInWidget(page);
  assert.match(active.cls, /verstuur/, `Tab from the text box went to ${JSON.stringify(active)}`);
  const outline = await page.evaluate(() => {
    const el = document.querySelector("#eenzaamheid-widget").shadowRoot.activeElement;
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
  });
  assert.ok(outline.style !== "none" && outline.width >= 2, `no visible focus: ${JSON.stringify(outline)}`);
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  active = await activeInWidget(page);
  // back into the conversation: its last button, document control, or the log itself
  assert.ok(active.inLog, `Shift+Tab order: ${JSON.stringify(active)}`);
  await page.keyboard.press("Escape");
  await w.panel.waitFor({ state: "hidden" });
  active = await activeInWidget(page);
  assert.match(active.cls, /opener/, `focus after Escape: ${JSON.stringify(active)}`);
  ok("Tab order text box -> send button, visible focus ring, Escape closes and returns focus to the chat button");

  // new conversation
  await page.keyboard.press("Enter");
  await w.panel.waitFor({ state: "visible" });
  await page.getByRole("button", { name: "Nieuw gesprek" }).click();
  await waitForNewBotMessage(page, 0);
  assert.equal(await w.userMessages.count(), 0);
  assert.match((await w.botMessages.allTextContents()).join(" "), /digitale assistent, geen mens/);
  const newId = await page.evaluate(() => sessionStorage.getItem("eenzaamheid-widget:gesprek"));
  assert.match(newId || "", /^[0-9a-f]{32}$/);
  assert.notEqual(newId, sessionId);
  ok("'Nieuw gesprek' starts an empty conversation with a new id and a new greeting");
  await desktop.close();

  // ---------------- phone ----------------
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "nl-NL",
  });
  page = await phone.newPage();
  watch(page);
  await page.goto(DEMO_URL);
  w = widget(page);
  await w.opener.tap();
  await w.panel.waitFor({ state: "visible" });
  await waitForNewBotMessage(page, 0);
  const box = await w.panel.boundingBox();
  assert.ok(box.x <= 0.5 && box.y <= 0.5 && box.width >= 389 && box.height >= 843, `panel on a phone: ${JSON.stringify(box)}`);
  const overflow = await page.evaluate(() => {
    const root = document.querySelector("#eenzaamheid-widget").shadowRoot;
    const log = root.querySelector(".log");
    return log.scrollWidth - log.clientWidth;
  });
  assert.ok(overflow <= 0, `the log scrolls sideways by ${overflow}px`);
  const sendBox = await page.locator(".verstuur").boundingBox();
  assert.ok(sendBox.width >= 44 && sendBox.height >= 44, `send button too small: ${JSON.stringify(sendBox)}`);
  ok("on a 390x844 phone the panel fills the screen without sideways scrolling; touch targets >= 44px");
  await shot(page, "telefoon-1-begroeting.png");

  await w.replies.first().tap();
  await waitForNewBotMessage(page, 1);
  const phoneCrisis = await send(page, "Hij wil er een eind aan maken");
  assert.match(phoneCrisis.answers.join(" "), /113/);
  ok("on the phone a button and a safety message work");
  await shot(page, "telefoon-2-crisis.png");
  await phone.close();

  assert.deepEqual(pageErrors, [], "errors in the page");
  ok("no script errors or console errors in the page");
  console.log(`${checks.length} passed, 0 failed`);
} catch (error) {
  console.error(`not ok - ${error.stack || error}`);
  if (pageErrors.length) console.error(`page errors: ${pageErrors.join("\n")}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
