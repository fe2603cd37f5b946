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

test("renderCarPreview's SVG loads as an <img> of the requested size, in the requested paint", async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}/tests/js/blank.html`);
  const result = await page.evaluate(async () => {
    const m = await import("/pkg/web/carviews.js");
    await m.default();
    const car = { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" };
    const out = {};
    for (const angle of ["front", "side", "rear_left", "top", "interior"]) {
      const svg = m.renderCarPreview(car, angle, { width: 640, height: 480 });
      const img = new Image();
      img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = 640;
      canvas.height = 480;
      const ctx = canvas.getContext("2d");
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, 640, 480).data;
      let blue = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        if (b > r + 50 && b > g + 30) blue++;
      }
      out[angle] = { w: img.naturalWidth, h: img.naturalHeight, blueShare: blue / (640 * 480), bytes: svg.length };
    }
    let error;
    try {
      m.renderCarPreview(car, "sideways");
    } catch (e) {
      error = { code: e.code, field: e.field };
    }
    return { out, error };
  });
  for (const [angle, r] of Object.entries(result.out)) {
    assert.equal(r.w, 640, angle);
    assert.equal(r.h, 480, angle);
    assert.ok(r.bytes < 12 * 1024, `${angle}: ${r.bytes} bytes`);
    // A visible share of the picture is the blue paint (the interior shows a strip of it).
    assert.ok(r.blueShare > (angle === "interior" ? 0.005 : 0.05), `${angle}: ${r.blueShare}`);
  }
  assert.deepEqual(result.error, { code: "invalid_request", field: "angle" });
  assert.deepEqual(errors, []);
  await page.close();
});
