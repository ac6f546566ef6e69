// Drives headless Chromium (Debian's) through playwright-core against `orlivectl serve`.
// argv: URL ORLIVECTL SHOT_DIR ORLIVECTL_FLAGS... Exits non-zero naming the first failure.
"use strict";
const { chromium } = require("playwright-core");
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const [url, ctl, shots, ...flags] = process.argv.slice(2);
const orlivectl = (...args) => execFileSync(ctl, [...flags, ...args], { encoding: "utf8" });
const fail = (message) => { throw new Error(message); };

async function listed(page) {
  return page.$$eval("#posts li", (items) => items.map((li) => li.getAttribute("data-id")));
}

async function shoot(context, name, viewport, colorScheme) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme });
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById("status").textContent === "Live");
  await page.screenshot({ path: path.join(shots, `${name}-${viewport.width}x${viewport.height}.png`) });
  await page.close();
}

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "orlive-chromium-"));
  // A fresh profile (--user-data-dir, which playwright takes as this first argument).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 390, height: 844 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const origin = new URL(url).origin;
    const page = await context.newPage();
    const outside = [], violations = [], errors = [];
    page.on("request", (request) => { if (!request.url().startsWith(origin)) outside.push(request.url()); });
    page.on("pageerror", (error) => errors.push(String(error)));
    page.on("console", (message) => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });
    await page.goto(url);
    await page.waitForFunction(() => document.getElementById("status").textContent === "Live");
    const first = await listed(page);
    if (first.length !== 3) fail(`the page lists ${first.length} posts, expected the 3 released: ${first}`);
    const live = await page.getAttribute("#posts", "aria-live");
    if (live !== "polite") fail("the thread is not an aria-live region");
    await page.evaluate(() => { window.__sameDocument = true; });

    await shoot(context, "gallery-projector", { width: 1920, height: 1080 }, "light");
    await shoot(context, "gallery-phone-dark", { width: 390, height: 844 }, "dark");
    await page.emulateMedia({ colorScheme: "light" });
    await page.screenshot({ path: path.join(shots, "gallery-phone-390x844.png") });

    const posted = JSON.parse(orlivectl("post", "--text", "Closing now; all is going to plan", "--undo-seconds", "0"));
    await page.waitForSelector(`#post-${posted.id}`, { timeout: 5000 })
      .catch(() => fail("the new post did not appear within 5 s"));
    if ((await listed(page)).length !== 4) fail("after the new post the page does not list 4");
    if (!(await page.evaluate(() => window.__sameDocument === true))) fail("the page reloaded instead of updating");

    orlivectl("case", "consent", "none");
    await page.waitForFunction(() => document.querySelectorAll("#posts li").length === 0, null, { timeout: 5000 })
      .catch(() => fail("withdrawal did not empty the page within 5 s"));
    if (await page.isHidden("#empty")) fail("the empty-thread message is not shown after withdrawal");
    if (!(await page.evaluate(() => window.__sameDocument === true))) fail("the page reloaded on withdrawal");

    if (outside.length) fail(`requests left the gallery's origin: ${outside}`);
    if (violations.length) fail(`Content-Security-Policy blocked: ${violations}`);
    if (errors.length) fail(`page errors: ${errors}`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (error) => { console.error(`FAIL: ${error.message}`); process.exit(1); });
