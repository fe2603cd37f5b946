// carviews/web under a strict Content-Security-Policy, in headless Chromium:
// with the README's policy the previews and the AI images (from the mock)
// show; without 'wasm-unsafe-eval' init() rejects with a CarViewsError
// whose code is module_unavailable, and the page keeps working.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveRepo } from "./static_server.mjs";
import { launchChromium } from "./chromium.mjs";
import { withMock } from "./mock_client.mjs";

let browser;
let mock;
before(async () => {
  browser = await launchChromium();
  mock = await withMock();
});
after(async () => {
  await browser?.close();
  await mock?.close();
});

/** A page of the repository served under `policy`; the page's errors collected. */
async function pageUnder(policy) {
  const server = await serveRepo(undefined, 0, { "content-security-policy": policy });
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(`${server.url}/tests/js/blank.html`);
  return { page, problems, close: async () => { await page.close(); await server.close(); } };
}

const CAR = { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" };

test("under the README's policy the previews and the AI images show", async () => {
  const t = await mock.tenant({});
  const policy = `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' ${mock.url}; img-src 'self' data: blob:`;
  const { page, problems, close } = await pageUnder(policy);
  try {
    const out = await page.evaluate(async ([car, base]) => {
      const m = await import("/pkg/web/index.js");
      await m.default();
      const show = async (url) => {
        const img = new Image();
        img.src = url;
        await img.decode();
        return img.naturalWidth;
      };
      const svg = m.renderCarPreview(car, "front", { width: 320, height: 240 });
      const preview = await show(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      const res = await m.generateCarImages({ car_data: car, angles: ["front", "rear"] },
        { pollinations: { apiKey: "sk_csp", baseUrl: base }, search: false, cache: false, consistency: "shared-seed" });
      const widths = [];
      for (const image of res.images) widths.push(await show(image.url));
      return { preview, widths, providers: res.images.map((i) => i.provider), urls: res.images.map((i) => i.url.slice(0, 5)) };
    }, [CAR, t.base]);
    assert.ok(out.preview > 0, "the preview shows");
    assert.deepEqual(out.providers, ["pollinations", "pollinations"]);
    assert.deepEqual(out.urls, ["blob:", "blob:"]);
    assert.ok(out.widths.every((w) => w > 0), "the AI images show");
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("without 'wasm-unsafe-eval' init() rejects with a CarViewsError, and the page keeps working", async () => {
  const { page, problems, close } = await pageUnder("default-src 'none'; script-src 'self'; img-src 'self' data:");
  try {
    const out = await page.evaluate(async () => {
      const m = await import("/pkg/web/index.js");
      try {
        await m.default();
        return { started: true };
      } catch (e) {
        return { isError: e instanceof Error, name: e.name, code: e.code, message: e.message, alive: 1 + 1 };
      }
    });
    assert.equal(out.started, undefined, "the module must not start under this policy");
    assert.equal(out.isError, true);
    assert.equal(out.name, "CarViewsError");
    assert.equal(out.code, "module_unavailable");
    assert.match(out.message, /wasm-unsafe-eval/);
    assert.equal(out.alive, 2);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
