// End-to-end tests of the demo (www/dist, built from the release package by
// scripts/build-demo.sh) in headless Chromium against the mock service.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { serveRepo } from "./static_server.mjs";
import { launchChromium } from "./chromium.mjs";
import { withMock } from "./mock_client.mjs";
import { makeSellerPhoto, INSPECT } from "./photo_fixture.mjs";
import { readFile } from "node:fs/promises";
// fflate from the demo's packages (the demo zips with it).
import { unzipSync, strFromU8 } from "../../www/node_modules/fflate/esm/index.mjs";

let site;
let browser;
let mock;
const problems = [];
const external = [];

before(async () => {
  site = await serveRepo(fileURLToPath(new URL("../../www/dist", import.meta.url)));
  mock = await withMock();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await mock?.close();
  await site?.close();
});

async function open(tenant) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && problems.push(m.text()));
  await page.route(/^(?!https?:\/\/127\.0\.0\.1[:/])(?!data:|blob:)/, (route) => {
    external.push(route.request().url());
    return route.abort();
  });
  await page.goto(tenant ? `${site.url}/?mock=${encodeURIComponent(tenant.base)}` : `${site.url}/`);
  return page;
}

const cards = (page, provider) => page.locator(provider ? `.card[data-provider="${provider}"]` : ".card");

/** Picks a swatch or a body type by its value (the name shown beside it). */
const pick = (page, name, value) => page.locator(`label:has(> input[name="${name}"][value="${value}"])`).click();

async function fillUkrainian(page) {
  await page.fill("#brand", "Рено");
  await page.fill("#model", "Кліо");
  await page.fill("#year", "2019");
  await pick(page, "color", "синій");
  await pick(page, "body_type", "хетчбек");
}

test("a Ukrainian request shows three previews at once, then three AI images", async () => {
  const t = await mock.tenant({ latencyMs: 3000 });
  const page = await open(t);
  await fillUkrainian(page);
  await page.getByRole("button", { name: "Згенерувати" }).click();
  await cards(page, "preview").nth(2).waitFor({ timeout: 2500 });
  assert.equal(await cards(page, "preview").count(), 3, "previews before any AI image");
  assert.equal(await cards(page, "pollinations").count(), 0);
  await page.locator('.status[data-status="done"]').waitFor({ timeout: 15000 });
  assert.equal(await cards(page, "pollinations").count(), 3);
  assert.match(await page.textContent(".session"), /CAR-7671f0b6/);
  const alts = await page.locator(".card img").evaluateAll((imgs) => imgs.map((i) => i.alt));
  assert.deepEqual(alts, ["Вид спереду: 2019 Рено Кліо", "Вид збоку: 2019 Рено Кліо", "Вид ззаду: 2019 Рено Кліо"]);
  // Every card shows its AI image, fully loaded (no layout jump: the frame keeps its 4:3 box).
  await page.waitForFunction(() => [...document.querySelectorAll(".card img")].every((i) => i.complete && i.naturalWidth > 0 && !i.src.startsWith("data:image/svg")));
  const boxes = await page.locator(".card .frame").evaluateAll((fs) => fs.map((f) => Math.round((f.clientWidth / f.clientHeight) * 100)));
  assert.ok(boxes.every((r) => r === 133), `frames keep 4:3: ${boxes}`);
  await page.locator("details.log summary").click();
  assert.ok((await page.locator(".events li").count()) > 3);
  // docs/demo.png is redrawn on request (CARVIEWS_SCREENSHOTS=1), so test runs leave the tree clean.
  const shot = process.env.CARVIEWS_SCREENSHOTS ? new URL("../../docs/demo.png", import.meta.url) : new URL(`file://${tmpdir()}/carviews-demo.png`);
  await page.screenshot({ path: fileURLToPath(shot), fullPage: true });
  await page.close();
});

test("a failing provider leaves a labelled preview", async () => {
  const t = await mock.tenant({ faults: [{ provider: "legacy", match: "rear view", kind: "status", status: 422, message: "content policy" }] });
  const page = await open(t);
  await page.getByRole("button", { name: "Згенерувати" }).click();
  await page.locator('.status[data-status="done"]').waitFor({ timeout: 15000 });
  const rear = page.locator('.card[data-angle="rear"]');
  assert.equal(await rear.getAttribute("data-provider"), "preview");
  assert.match(await rear.locator(".badge").textContent(), /ескіз · заміна/);
  assert.equal(await rear.locator(".error").textContent(), "Відхилено правилами вмісту сервісу", "the error_code, in the page's language");
  assert.match(await rear.locator(".error").getAttribute("title"), /HTTP 422 \(content policy\)/);
  await page.close();
});

test("the form suggests brands and their models, paints as swatches, body types with drawings; Download all saves a ZIP", async () => {
  const t = await mock.tenant();
  const page = await open(t);
  const options = (list) => page.locator(`datalist#${list} option`).evaluateAll((os) => os.map((o) => o.value));
  await page.locator("datalist#brands option").first().waitFor({ state: "attached" });
  assert.ok((await options("brands")).includes("Renault") && (await options("brands")).length >= 70);
  await page.fill("#brand", "Škoda");
  const skoda = await options("models");
  assert.ok(skoda.includes("Octavia") && !skoda.includes("Clio"), "the models of the chosen brand");
  await page.fill("#brand", (await options("brands")).find((b) => b === "Renault"));
  assert.ok((await options("models")).includes("Clio"));
  await page.fill("#model", "Clio");
  assert.equal(await page.locator(".swatch").count(), 21);
  assert.equal(await page.locator('.body img[src^="data:image/svg+xml"]').count(), 11, "a drawing of each body type");
  await pick(page, "color", "червоний");
  await pick(page, "body_type", "універсал");
  await page.getByRole("button", { name: "Згенерувати" }).click();
  await page.locator('.status[data-status="done"]').waitFor({ timeout: 15000 });
  const prompt = (await t.log()).find((e) => e.provider === "legacy").prompt;
  assert.match(prompt, /red 2019 Renault Clio .*wagon/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Завантажити все (ZIP)" }).click()]);
  const session = await page.locator(".session code").textContent();
  assert.equal(download.suggestedFilename(), `${session}.zip`);
  const zip = unzipSync(new Uint8Array(await readFile(await download.path())));
  assert.deepEqual(Object.keys(zip).sort(), [`${session}_front.png`, `${session}_rear.png`, `${session}_side.png`, "manifest.json"]);
  assert.deepEqual([...zip[`${session}_front.png`].subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  const manifest = JSON.parse(strFromU8(zip["manifest.json"]));
  assert.equal(manifest.session_id, session);
  assert.deepEqual(manifest.images.map((i) => [i.angle, i.provider]), [["front", "pollinations"], ["side", "pollinations"], ["rear", "pollinations"]]);
  assert.ok(manifest.images.every((i) => i.seed > 0 && i.prompt && i.model));
  await page.close();
});

test("Start from your photo: the seller's photo is the first card, the others follow it; what is uploaded has no EXIF", async () => {
  const t = await mock.tenant();
  const page = await open(t);
  await makeSellerPhoto(page);
  const jpeg = Buffer.from(await page.evaluate(async () => Array.from(new Uint8Array(await window.sellerPhoto.arrayBuffer()))));
  assert.ok(jpeg.includes("Exif"), "the fixture carries EXIF with GPS");
  await page.setInputFiles("#photo", { name: "my-car.jpg", mimeType: "image/jpeg", buffer: jpeg });
  await page.selectOption("#photoangle", "front_left");
  await page.check("#photoupload");
  await page.locator("details.settings summary").click();
  await page.fill("#apikey", "sk_typed_photo");
  await page.getByRole("button", { name: "Згенерувати" }).click();
  await page.locator('.status[data-status="done"]').waitFor({ timeout: 15000 });
  const providers = await page.locator(".card").evaluateAll((cs) => cs.map((c) => [c.dataset.angle, c.dataset.provider]));
  assert.deepEqual(providers, [["front_left", "photo"], ["front", "pollinations"], ["side", "pollinations"], ["rear", "pollinations"]]);
  assert.equal(await page.locator('.card[data-provider="photo"] .badge').textContent(), "ваше фото");
  const log = await t.log();
  const [upload] = log.filter((e) => e.provider === "media");
  assert.equal(upload.body.file.type, "image/jpeg");
  const media = log.find((e) => e.provider === "gen" && e.query.image).query.image;
  await page.evaluate(`window.inspect = ${INSPECT}`);
  const sent = await page.evaluate(async (url) => window.inspect(await (await fetch(url)).blob()), media);
  assert.deepEqual(sent, { exif: false, gps: false, type: "image/jpeg", width: 1536, height: 1152 });
  const shot = process.env.CARVIEWS_SCREENSHOTS ? new URL("../../docs/photo.png", import.meta.url) : new URL(`file://${tmpdir()}/carviews-photo.png`);
  await page.screenshot({ path: fileURLToPath(shot), fullPage: false });
  await page.close();
});

test("Cancel stops the run and every request", async () => {
  const t = await mock.tenant({ latencyMs: 2500 });
  const page = await open(t);
  await page.getByRole("button", { name: "Згенерувати" }).click();
  await cards(page, "preview").nth(2).waitFor({ timeout: 2000 });
  await page.getByRole("button", { name: "Скасувати" }).click();
  await page.locator('.status[data-status="cancelled"]').waitFor({ timeout: 2000 });
  const count = (await t.log()).length;
  await page.waitForTimeout(1500);
  assert.equal((await t.log()).length, count, "nothing sent after Cancel");
  await page.close();
});

test("Sign in with Pollinations stores the user's key and the next run sends it as a Bearer header", async () => {
  const t = await mock.tenant();
  const page = await open(t);
  await page.locator("details.settings summary").click();
  await page.getByRole("button", { name: "Увійти через Pollinations" }).click();
  await page.getByText("Вхід через Pollinations виконано").waitFor({ timeout: 5000 });
  assert.ok(page.url().includes("mock="), "back on the demo with its settings");
  assert.ok(!page.url().includes("code="), "the code is removed from the address bar");
  const stored = await page.evaluate(() => JSON.parse(sessionStorage.getItem("carviews.pollinations.key")));
  assert.match(stored.accessToken, /^sk_user_/);
  assert.ok(stored.expiresAt > Date.now());
  const log = await t.log();
  const authorize = log.find((e) => e.provider === "authorize");
  assert.equal(authorize.query.code_challenge_method, "S256");
  assert.equal(log.find((e) => e.provider === "token").body.ok, true, "PKCE verifier matched");
  await page.getByRole("button", { name: "Згенерувати" }).click();
  await page.locator('.status[data-status="done"]').waitFor({ timeout: 15000 });
  const gen = (await t.log()).filter((e) => e.provider === "gen");
  assert.equal(gen.length, 3);
  assert.ok(gen.every((e) => e.auth === `Bearer ${stored.accessToken}`));
  await page.close();
});

test("settings offer Pollinations' models from its catalogue, paid-only ones marked, and the run uses the choice", async () => {
  const t = await mock.tenant();
  const page = await open(t);
  await page.locator("details.settings summary").click();
  await page.locator("#refmodel option", { hasText: "seedream5" }).waitFor({ state: "attached", timeout: 5000 });
  const options = (id) => page.locator(`#${id} option`).allTextContents();
  assert.deepEqual(await options("refmodel"), ["kontext", "gptimage", "seedream5 (платна)"], "image-input models only");
  assert.ok((await options("pmodel")).includes("flux") && (await options("pmodel")).includes("zimage"));
  assert.equal((await t.log()).filter((e) => e.provider === "models").length, 1);
  await page.fill("#apikey", "sk_typed_catalogue");
  await page.selectOption("#pmodel", "zimage");
  await page.getByRole("button", { name: "Згенерувати" }).click();
  await page.locator('.status[data-status="done"]').waitFor({ timeout: 15000 });
  const main = (await t.log()).find((e) => e.provider === "gen");
  assert.equal(main.query.model, "zimage");
  await page.close();
});

test("with no key and no network: previews fill the gallery and the page says why", async () => {
  const page = await open(null);
  await page.getByRole("button", { name: "Згенерувати" }).click();
  await page.locator('.status[data-status="done"]').waitFor({ timeout: 15000 });
  assert.equal(await cards(page, "preview").count(), 3);
  assert.match(await page.textContent(".notice"), /потрібен ключ Pollinations/);
  await page.getByRole("button", { name: "English" }).click();
  assert.match(await page.textContent(".notice"), /AI images need a Pollinations key/);
  await page.close();
});

test("a typed key is kept in sessionStorage and sent as a Bearer header", async () => {
  const t = await mock.tenant();
  const page = await open(t);
  await page.locator("details.settings summary").click();
  await page.fill("#apikey", "sk_typed_123");
  await page.reload();
  await page.locator("details.settings summary").click();
  assert.equal(await page.inputValue("#apikey"), "sk_typed_123", "survives a reload in this tab");
  await page.getByRole("button", { name: "Згенерувати" }).click();
  await page.locator('.status[data-status="done"]').waitFor({ timeout: 15000 });
  const gen = (await t.log()).filter((e) => e.provider === "gen");
  assert.ok(gen.length === 3 && gen.every((e) => e.auth === "Bearer sk_typed_123"));
  await page.close();
});

test("no console errors, and nothing left this machine", () => {
  assert.deepEqual(problems, []);
  assert.ok(external.every((u) => /wikipedia\.org|wikimedia\.org|wikidata\.org/.test(u)), `unexpected: ${external}`);
});
