// The release package for the web (pkg/web, after wasm-opt) loaded by a page
// in headless Chromium. wasm-pack's test runner never runs wasm-opt, so this
// is the test that catches an optimiser that breaks the module.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveRepo } from "./static_server.mjs";
import { launchChromium } from "./chromium.mjs";

let server;
let browser;
before(async () => {
  server = await serveRepo();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("the release module initialises and plans in a browser page", async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${server.url}/tests/js/blank.html`);
  const result = await page.evaluate(async () => {
    const m = await import("/pkg/web/carviews.js");
    await m.default();
    const plan = m.planCarImages({
      car_data: { brand: "Рено", model: "Кліо", year: 2019, color: "синій", body_type: "хетчбек" },
      angles: ["спереду", "3/4"],
    }, { language: "uk" });
    let error;
    try {
      m.planCarImages({ car_data: { brand: "Renault", model: "Clio", year: 3000 } });
    } catch (e) {
      error = { isError: e instanceof Error, code: e.code, field: e.field, rule: e.rule };
    }
    return { id: plan.session_id, titles: plan.images.map((i) => i.title), error, seed: m.seedFor(plan.session_id, "rear") };
  });
  assert.equal(result.id, "CAR-7671f0b6");
  assert.deepEqual(result.titles, ["Вид спереду", "Вид спереду три чверті, зліва"]);
  assert.deepEqual(result.error, { isError: true, code: "invalid_request", field: "car_data.year", rule: "out_of_range" });
  assert.equal(result.seed, 214351);
  assert.deepEqual(errors, []);
  await page.close();
});
