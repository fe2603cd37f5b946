// generateCarImages in headless Chromium against the mock service (a
// different origin than the page, so CORS is real).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveRepo } from "./static_server.mjs";
import { launchChromium } from "./chromium.mjs";
import { withMock, allOverlap, maxInFlight } from "./mock_client.mjs";

let server;
let browser;
let mock;
let page;
const pageErrors = [];
const external = [];

before(async () => {
  server = await serveRepo();
  mock = await withMock({ http2: true });
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  // The browser logs every injected HTTP error as "Failed to load resource";
  // anything else on the console is ours.
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && pageErrors.push(m.text()));
  // Tests never reach the internet: anything not on 127.0.0.1 is refused and recorded.
  await page.route(/^(?!https?:\/\/127\.0\.0\.1[:/])(?!data:|blob:)/, (route) => {
    external.push(route.request().url());
    return route.abort();
  });
  await page.goto(`${server.url}/tests/js/blank.html`);
  await page.evaluate(async () => {
    const m = await import("/pkg/web/carviews.js");
    await m.default();
    window.carviews = m;
    // Runs generateCarImages and collects what the callbacks saw.
    window.gen = async (request, options, abortAfterMs) => {
      const images = [];
      const events = [];
      const controller = new AbortController();
      if (abortAfterMs !== undefined) setTimeout(() => controller.abort(), abortAfterMs);
      const t0 = performance.now();
      try {
        const response = await m.generateCarImages(request, {
          ...options,
          signal: controller.signal,
          onImage: (i) => images.push(i),
          onEvent: (e) => events.push(e),
        });
        return { response, images, events, ms: performance.now() - t0 };
      } catch (e) {
        return { error: { name: e.name, message: e.message, code: e.code, field: e.field }, images, events, ms: performance.now() - t0 };
      }
    };
  });
});

after(async () => {
  await browser?.close();
  await mock?.close();
  await server?.close();
});

const CLIO = { car_data: { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" }, angles: ["front", "side", "rear"] };
const gen = (request, options, abortAfterMs) => page.evaluate(([r, o, a]) => window.gen(r, o, a), [request, options, abortAfterMs]);
const searchAt = (t) => ({ wikipediaUrl: t.base, commonsUrl: t.base, wikidataUrl: t.base });
const legacy = (t, extra = {}) => ({ pollinations: { api: "legacy", baseUrl: t.base }, search: searchAt(t), cache: false, ...extra });
const only = (log, provider) => log.filter((e) => e.provider === provider);
const KEY = "sk_TESTKEY_0123456789";
// gen with the user's key, the media service on the same mock: the default path.
const keyed = (t, extra = {}) => ({ pollinations: { apiKey: KEY, baseUrl: t.base, mediaUrl: `${t.base}/media` }, search: searchAt(t), cache: false, ...extra });

test("over HTTP/2, as the real services speak it, all ten angles are in flight at once (HTTP/1.1: six)", async () => {
  const ALL = ["front", "front_left", "front_right", "side", "side_right", "rear", "rear_left", "rear_right", "top", "interior"];
  const request = { car_data: CLIO.car_data, angles: ALL };
  const t2 = await mock.tenant({ latencyMs: 400 });
  const r2 = await gen(request, { pollinations: { api: "legacy", baseUrl: t2.h2base }, search: false, cache: false, consistency: "shared-seed" });
  assert.equal(r2.response.total_generated, 10);
  const log2 = only(await t2.log(), "legacy");
  assert.equal(log2.length, 10);
  assert.ok(allOverlap(log2), `not all at once: ${JSON.stringify(log2.map((e) => [e.start, e.end]))}`);
  const t1 = await mock.tenant({ latencyMs: 400 });
  const r1 = await gen(request, { pollinations: { api: "legacy", baseUrl: t1.base }, search: false, cache: false, consistency: "shared-seed" });
  assert.equal(r1.response.total_generated, 10);
  assert.equal(maxInFlight(only(await t1.log(), "legacy")), 6, "the browser's limit per HTTP/1.1 origin");
});

test("three angles are requested in parallel (shared-seed); previews come first, then one image per angle", async () => {
  const t = await mock.tenant({ latencyMs: 400 });
  const r = await gen(CLIO, legacy(t, { consistency: "shared-seed" }));
  const log = only(await t.log(), "legacy");
  assert.equal(log.length, 3);
  assert.ok(allOverlap(log), `requests did not overlap: ${JSON.stringify(log.map((e) => [e.start, e.end]))}`);
  assert.equal(r.response.success, true);
  assert.equal(r.response.total_generated, 3);
  assert.deepEqual(r.images.slice(0, 3).map((i) => [i.angle, i.provider, i.placeholder]), [
    ["front", "preview", true], ["side", "preview", true], ["rear", "preview", true],
  ]);
  assert.deepEqual(r.images.slice(3).map((i) => i.provider), ["pollinations", "pollinations", "pollinations"]);
  assert.ok(r.images[0].url.startsWith("data:image/svg+xml;base64,"));
  const sum = log.reduce((s, e) => s + (e.end - e.start), 0);
  console.log(`# parallel: wall ${Math.round(r.ms)} ms for 3 requests whose latencies sum to ${sum} ms`);
  assert.ok(r.events.some((e) => e.message === "[AsyncImages] Starting parallel image generation for 3 angles"));
  assert.ok(r.events.some((e) => e.message === "Generated 3/3 images in parallel"));
  assert.ok(r.events.some((e) => /^Generated front with seed \d+/.test(e.message)));
});

test("the response keeps the original fields, in request order", async () => {
  const t = await mock.tenant();
  const r = await gen({ ...CLIO, angles: ["rear", "front_left", "front"] }, legacy(t));
  const res = r.response;
  for (const k of ["success", "session_id", "images", "total_generated", "debug"]) assert.ok(k in res, k);
  assert.equal(res.session_id, "CAR-7671f0b6");
  assert.deepEqual(res.images.map((i) => i.angle), ["rear", "front_left", "front"]);
  assert.deepEqual(res.images.map((i) => i.isMain), [true, false, false]);
  const img = res.images[0];
  for (const k of ["url", "angle", "seed", "session_id", "isMain", "prompt", "title", "provider", "model", "source_url", "fallback", "error", "reference", "consistency", "elapsed_ms"]) {
    assert.ok(k in img, k);
  }
  assert.equal(img.model, "flux");
  assert.equal(img.url, img.source_url, "anonymous legacy images display from their own URL");
  assert.deepEqual(res.debug.requested_angles, ["rear", "front_left", "front"]);
  assert.equal(res.debug.generated_count, 3);
  assert.ok(res.debug.timings_ms.total >= 0);
  const log = only(await t.log(), "legacy");
  assert.equal(log[0].query.model, "flux");
  assert.equal(log[0].query.width, "1024");
  assert.ok(log.every((e) => e.query.seed === String(res.images[0].seed)), "anchor mode shares the main seed");
});

test("the DALL-E proxy goes first; a 500 from it falls through to Pollinations", async () => {
  const t = await mock.tenant({ faults: [{ provider: "openai", kind: "status", status: 500 }] });
  const r = await gen(CLIO, { ...legacy(t), dalle: { proxyUrl: `${t.base}/v1` }, retries: 1 });
  const log = await t.log();
  assert.equal(log.filter((e) => e.provider === "openai").length, 6, "one try and one retry per angle");
  assert.equal(log.filter((e) => e.provider === "legacy").length, 3);
  for (const angle of ["front", "side", "rear"]) {
    const mine = log.filter((e) => e.prompt.includes(angle === "side" ? "side profile" : `${angle} view`));
    assert.equal(mine[0].provider, "openai", angle);
  }
  assert.deepEqual(r.response.images.map((i) => i.provider), ["pollinations", "pollinations", "pollinations"]);
  assert.ok(r.events.some((e) => e.stage === "retry" && e.provider === "dalle"));
});

test("the DALL-E proxy serves images when it works", async () => {
  const t = await mock.tenant();
  const r = await gen(CLIO, { ...legacy(t), dalle: { proxyUrl: `${t.base}/v1`, headers: { "X-Proxy-Key": "proxy-secret" } } });
  assert.deepEqual(r.response.images.map((i) => [i.provider, i.model]), [["dalle", "dall-e-3"], ["dalle", "dall-e-3"], ["dalle", "dall-e-3"]]);
  assert.match(r.response.images[0].url, /\/files\/blue\.png$/);
  const log = only(await t.log(), "openai");
  assert.equal(log[0].body.model, "dall-e-3");
  assert.equal(log[0].body.seed, undefined, "dall-e-3 takes no seed");
  assert.equal(log[0].proxyKey, "proxy-secret");
  assert.ok(!JSON.stringify(r).includes("proxy-secret"));
});

test("401 and 402 fall through at once, without retries", async () => {
  const t = await mock.tenant({ faults: [{ provider: "openai", kind: "status", status: 402 }] });
  const r = await gen(CLIO, { pollinations: { baseUrl: t.base }, dalle: { proxyUrl: `${t.base}/v1` }, search: false, cache: false, retries: 2 });
  const log = await t.log();
  assert.equal(log.filter((e) => e.provider === "openai").length, 3);
  assert.equal(log.filter((e) => e.provider === "gen").length, 3, "gen without a key: 401, once per angle");
  assert.equal(r.response.success, false);
  assert.equal(r.response.total_generated, 0);
  for (const img of r.response.images) {
    assert.equal(img.provider, "preview");
    assert.equal(img.fallback, true);
    assert.match(img.error, /dalle: HTTP 402/);
    assert.match(img.error, /pollinations: HTTP 401.*Pollinations needs a key/);
  }
});

test("429 with Retry-After is honoured, then served", async () => {
  const t = await mock.tenant({ faults: [{ provider: "legacy", match: "rear view", kind: "status", status: 429, retryAfter: 1, times: 1 }] });
  const r = await gen(CLIO, legacy(t, { retries: 0 }));
  assert.equal(r.response.success, true);
  const rear = only(await t.log(), "legacy").filter((e) => e.prompt.includes("rear view"));
  assert.deepEqual(rear.map((e) => e.status), [429, 200]);
  assert.ok(rear[1].start - rear[0].end >= 950, `waited only ${rear[1].start - rear[0].end} ms`);
  assert.ok(r.events.some((e) => e.stage === "throttle"));
});

test("a 503 is retried with backoff and then served", async () => {
  const t = await mock.tenant({ faults: [{ provider: "legacy", match: "front view", kind: "status", status: 503, times: 2 }] });
  const r = await gen(CLIO, legacy(t, { retries: 2 }));
  assert.equal(r.response.success, true);
  const front = only(await t.log(), "legacy").filter((e) => e.prompt.includes("front view"));
  assert.deepEqual(front.map((e) => e.status), [503, 503, 200]);
});

test("with a concurrency cap of 1 every angle is still delivered, one at a time", async () => {
  const t = await mock.tenant({ cap: 1, capRetryAfter: 0, latencyMs: 150 });
  const angles = ["front", "front_left", "side", "rear_left", "rear"];
  const r = await gen({ ...CLIO, angles }, legacy(t, { retries: 0 }));
  assert.equal(r.response.success, true);
  assert.equal(r.response.total_generated, 5);
  const served = only(await t.log(), "legacy").filter((e) => e.status === 200).sort((a, b) => a.start - b.start);
  assert.equal(served.length, 5);
  for (let i = 1; i < served.length; i++) assert.ok(served[i].start >= served[i - 1].end, "served one at a time");
  const wasted = (await t.log()).filter((e) => e.status === 429).length;
  console.log(`# cap 1: ${wasted} requests answered 429 for 5 angles`);
});

test("an option `concurrency` caps requests in flight", async () => {
  const t = await mock.tenant({ latencyMs: 200 });
  await gen({ ...CLIO, angles: ["front", "side", "rear", "top"] }, legacy(t, { concurrency: 2 }));
  const log = only(await t.log(), "legacy");
  assert.equal(log.length, 4);
  assert.equal(maxInFlight(log), 2);
});

test("a hanging provider times out and the preview stands in, with the reason", async () => {
  const t = await mock.tenant({ faults: [{ provider: "legacy", match: "rear view", kind: "hang" }] });
  const r = await gen(CLIO, legacy(t, { timeoutMs: 500, retries: 0 }));
  const rear = r.response.images[2];
  assert.equal(rear.provider, "preview");
  assert.equal(rear.fallback, true);
  assert.match(rear.error, /no answer within 500 ms/);
  assert.equal(r.response.success, false);
  assert.equal(r.response.total_generated, 2);
});

test("a non-image answer is not shown as an image", async () => {
  const t = await mock.tenant({ faults: [{ provider: "legacy", match: "side profile", kind: "notimage" }] });
  const r = await gen(CLIO, legacy(t, { retries: 0 }));
  assert.equal(r.response.images[1].fallback, true);
  assert.match(r.response.images[1].error, /text\/html instead of an image/);
});

test("abort rejects with AbortError and sends nothing more", async () => {
  const t = await mock.tenant({ latencyMs: 1500 });
  const r = await gen({ ...CLIO, angles: ["front", "side", "rear", "top"] }, legacy(t, { concurrency: 2, search: false, consistency: "per-angle" }), 300);
  assert.equal(r.error?.name, "AbortError", "rejected by the abort, not resolved after the 1.5 s latency");
  const count = (await t.log()).length;
  await new Promise((ok) => setTimeout(ok, 1500));
  assert.equal((await t.log()).length, count, "no request after the abort");
  assert.equal(count, 2, "only the first two were in flight");
});

test("an identical request is answered from the cache without a single fetch", async () => {
  const t = await mock.tenant();
  const options = { pollinations: { api: "legacy", baseUrl: t.base }, search: searchAt(t) };
  const first = await gen({ ...CLIO, angles: ["front", "top"] }, options);
  const before = (await t.log()).length;
  const second = await gen({ ...CLIO, angles: ["front", "top"] }, options);
  assert.equal((await t.log()).length, before);
  assert.equal(first.response.debug.cached, false);
  assert.equal(second.response.debug.cached, true);
  assert.deepEqual({ ...second.response, debug: { ...second.response.debug, cached: false } }, first.response,
    "the cached answer is the first one, field for field");
  assert.equal(second.images.length, 2, "onImage still sees every image");
});

test("a key is sent as a Bearer header and appears nowhere else", async () => {
  const t = await mock.tenant();
  const r = await gen(CLIO, keyed(t));
  assert.equal(r.response.success, true);
  const log = (await t.log()).filter((e) => e.provider === "gen" || e.provider === "media");
  assert.equal(log.length, 4, "three views and one upload");
  assert.ok(log.every((e) => e.auth === `Bearer ${KEY}` && !e.path.includes(KEY) && !JSON.stringify(e.query).includes(KEY)));
  assert.ok(r.response.images.every((i) => i.url.startsWith("blob:")), "authenticated images display from fetched bytes");
  assert.ok(!JSON.stringify(r).includes(KEY), "not in the response, images or events");
  assert.ok(!JSON.stringify(r).includes("TESTKEY"));
  const shown = await page.evaluate(async (url) => {
    const img = new Image();
    img.src = url;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, r.response.images[0].url);
  assert.deepEqual(shown, [64, 48]);
});

test("invalid input rejects with a CarViewsError; throwing callbacks do not break a run", async () => {
  const bad = await gen({ car_data: { brand: "Renault", model: "Clio", year: 1700 } }, { search: false });
  assert.deepEqual(bad.error, { name: "CarViewsError", message: bad.error.message, code: "invalid_request", field: "car_data.year" });
  const badOpt = await gen(CLIO, { dalle: { proxyUrl: "http://example.com/v1" } });
  assert.equal(badOpt.error.field, "options.dalle.proxyUrl");
  const t = await mock.tenant();
  const r = await page.evaluate(async ([req, base]) => {
    const res = await window.carviews.generateCarImages(req, {
      pollinations: { api: "legacy", baseUrl: base },
      search: false,
      cache: false,
      onImage: () => { throw new Error("app bug"); },
      onEvent: () => { throw new Error("app bug"); },
    });
    return res.success;
  }, [CLIO, t.base]);
  assert.equal(r, true);
  const notFn = await page.evaluate(async (req) => {
    try { await window.carviews.generateCarImages(req, { onImage: "yes" }); } catch (e) { return [e.field, e.rule]; }
  }, CLIO);
  assert.deepEqual(notFn, ["options.onImage", "not_function"]);
  const notSignal = await page.evaluate(async (req) => {
    try { await window.carviews.generateCarImages(req, { signal: {} }); } catch (e) { return [e.field, e.rule]; }
  }, CLIO);
  assert.deepEqual(notSignal, ["options.signal", "not_signal"]);
});

test("search: reference photos reach the response and the events", async () => {
  const t = await mock.tenant();
  const r = await gen(CLIO, legacy(t));
  const [front, side, rear] = r.response.images;
  assert.deepEqual(front.reference, {
    url: `${t.base}/files/blue.png?photo=2019_Renault_Clio_Iconic_TCe_1.0_Front.jpg`,
    page_url: "https://commons.wikimedia.org/wiki/File:2019_Renault_Clio_Iconic_TCe_1.0_Front.jpg",
    author: "Vauxford",
    license: "CC BY-SA 4.0",
  });
  assert.match(rear.reference.page_url, /2019_Renault_Clio_Iconic_TCe_1\.0_Rear/, "the 2019 photo beats the 2013 one");
  assert.equal(side.reference, null, "only an SVG logo matched");
  const search = r.response.debug.search;
  assert.deepEqual(search.queries, { front: "Renault Clio front", side: "Renault Clio side", rear: "Renault Clio rear" });
  assert.equal(search.emblem_source, "table");
  assert.equal(search.brand.description, "French automobile manufacturer");
  assert.equal(search.brand.logo_file, "Renault 2021 Text.svg");
  const messages = r.events.map((e) => e.message);
  assert.ok(messages.includes("Logo info found for Renault: French automobile manufacturer"));
  assert.ok(messages.some((m) => m.startsWith("Reference photo found for front")));
  assert.ok(messages.includes("No reference photo for side"));
  const finals = r.images.filter((i) => !i.placeholder);
  assert.ok(finals.find((i) => i.angle === "front").reference, "onImage sees the reference too");
});

test("search: the brand the table lacks is described from Wikipedia and Wikidata", async () => {
  const t = await mock.tenant();
  const r = await gen({ car_data: { brand: "Zastava", model: "Yugo", year: 1988, color: "red", body_type: "hatchback" }, angles: ["front"] }, legacy(t));
  assert.match(r.response.images[0].prompt, /The Zastava emblem, the badge of Zastava \(defunct Serbian car manufacturer\), as in its logo "Zastava Automobiles logo", sits centred on the front grille\./);
  assert.equal(r.response.debug.search.emblem_source, "search");
  const log = await t.log();
  const summary = log.find((e) => e.provider === "wikipedia");
  const image = log.find((e) => e.provider === "legacy");
  assert.ok(summary.end <= image.start, "the prompt waited for the summary");
});

test("search: a failing or hanging search falls back within its timeout and never rejects", async () => {
  const t = await mock.tenant({ faults: [{ provider: "wikipedia", kind: "hang" }, { provider: "commons", kind: "status", status: 500 }] });
  const r = await gen({ car_data: { brand: "Zastava", model: "Yugo", year: 1988, color: "red" }, angles: ["front", "rear"] }, legacy(t, { search: { ...searchAt(t), timeoutMs: 400 } }));
  assert.equal(r.response.success, true);
  assert.ok(r.response.images.every((i) => i.reference === null));
  assert.doesNotMatch(r.response.images[0].prompt, /emblem/);
  assert.equal(r.response.debug.search.emblem_source, "none");
  const warnings = r.response.debug.warnings.join("\n");
  assert.match(warnings, /Brand search failed for Zastava: no answer within 400 ms/);
  assert.match(warnings, /Reference photo search failed for front: HTTP 500/);
  const first = only(await t.log(), "legacy")[0];
  assert.ok(first.start < 400 + 1500, `the images waited ${first.start} ms`);
});

test("search: runs in parallel with the images, nothing serialised behind it", async () => {
  const t = await mock.tenant({ latencyMs: 300 });
  await gen({ ...CLIO, car_data: { ...CLIO.car_data, color: "red" } }, legacy(t, { consistency: "shared-seed" }));
  const log = await t.log();
  const commons = only(log, "commons");
  const images = only(log, "legacy");
  assert.equal(commons.length, 3);
  assert.ok(allOverlap(commons), "the three photo searches overlap");
  assert.ok(allOverlap([...commons, ...images]), `and overlap the image requests: ${JSON.stringify(log.map((e) => [e.provider, e.start, e.end]))}`);
});

test("search: results are cached per brand, model and angle for the page's lifetime", async () => {
  const t = await mock.tenant();
  const car = { brand: "Škoda", model: "Octavia", year: 2016, color: "white", body_type: "wagon" };
  await gen({ car_data: car, angles: ["front", "rear"] }, legacy(t));
  const before = (await t.log()).filter((e) => e.provider !== "legacy").length;
  await gen({ car_data: { ...car, color: "black" }, angles: ["rear", "front"] }, legacy(t));
  const after = (await t.log()).filter((e) => e.provider !== "legacy").length;
  assert.equal(after, before, "no new search request");
  assert.ok(before >= 3);
});

test("search: with referenceConditioning the main view follows its photo", async () => {
  const t = await mock.tenant();
  const r = await gen(CLIO, keyed(t, { search: { ...searchAt(t), referenceConditioning: true } }));
  const main = only(await t.log(), "gen").find((e) => e.prompt.includes("front view"));
  assert.equal(main.query.image, r.response.images[0].reference.url);
  assert.equal(main.query.model, "kontext");
  assert.equal(main.reference, "ok", "the reference model could fetch the photo");
  assert.equal(r.response.images[0].model, "kontext");
  const side = only(await t.log(), "gen").find((e) => e.prompt.includes("side profile"));
  assert.equal(side.query.image, r.response.debug.anchor.url, "the others follow the main image, not the photo");
});

test("anchor (default): the main view first, uploaded once, then the others in parallel, conditioned on its upload", async () => {
  const t = await mock.tenant({ latencyMs: 200 });
  const r = await gen({ ...CLIO, angles: ["front_left", "front", "side", "rear"] }, keyed(t, { search: false }));
  const log = only(await t.log(), "gen");
  const [upload, ...more] = only(await t.log(), "media");
  assert.equal(more.length, 0, "one upload a run");
  const [main, ...others] = log;
  assert.match(main.prompt, /front three-quarter view from the left/);
  assert.equal(main.query.image, undefined);
  assert.equal(main.query.model, "flux");
  assert.ok(upload.start >= main.end, "the upload follows the main view");
  assert.equal(upload.auth, `Bearer ${KEY}`);
  assert.equal(upload.body.visibility, "unlisted");
  assert.equal(upload.body.file.type, "image/png");
  const anchor = r.response.debug.anchor;
  assert.deepEqual({ ...anchor, url: undefined }, { url: undefined, uploaded: true, via: "media" });
  assert.match(anchor.url, /\/media\/[0-9a-f]{16}$/);
  for (const e of others) {
    assert.ok(e.start >= upload.end, "after the upload");
    assert.equal(e.query.image, anchor.url, "conditioned on the uploaded main image");
    assert.equal(e.reference, "ok", "the reference model fetched it without credentials");
    assert.equal(e.query.model, "kontext");
    assert.match(e.prompt, /^Keep the car of the reference image exactly/);
  }
  assert.ok(allOverlap(others), "the others in parallel");
  assert.deepEqual(r.response.images.map((i) => i.consistency.mode), ["anchor", "anchor", "anchor", "anchor"]);
  assert.ok(r.response.images.every((i) => i.consistency.verified && i.consistency.ok), JSON.stringify(r.response.images.map((i) => i.consistency)));
  assert.ok(r.response.images.slice(1).every((i) => i.consistency.delta_e_main < 5));
  assert.equal(r.response.images[0].consistency.dominant_hex, "#1f4e9c");
  assert.deepEqual(r.response.debug.verification, { checked: 4, passed: 4, regenerated: 0, failing: [] });
});

test("anchor with a provider that takes no reference (dall-e-3): the others share the seed", async () => {
  const t = await mock.tenant();
  const r = await gen(CLIO, { ...legacy(t), dalle: { proxyUrl: `${t.base}/v1` } });
  assert.deepEqual(r.response.images.map((i) => [i.provider, i.consistency.mode]), [["dalle", "anchor"], ["dalle", "shared-seed"], ["dalle", "shared-seed"]]);
  assert.ok(r.response.images.every((i) => i.consistency.verified && i.consistency.ok), "DALL-E images are fetched and checked too");
});

test("anchor with a GPT image model: the others go through /images/edits with the main image attached", async () => {
  const t = await mock.tenant();
  const r = await gen(CLIO, { ...legacy(t), dalle: { proxyUrl: `${t.base}/v1`, model: "gpt-image-1" } });
  const log = await t.log();
  const generations = only(log, "openai");
  const edits = only(log, "openai-edit");
  assert.equal(generations.length, 1, "the main view is generated");
  assert.equal(edits.length, 2, "the others are edits of it");
  assert.ok(edits.every((e) => e.start >= generations[0].end));
  for (const e of edits) {
    assert.equal(e.body.model, "gpt-image-1");
    assert.ok(e.body.image.size > 100 && e.body.image.type === "image/png", JSON.stringify(e.body.image));
    assert.match(e.body.prompt, /^Keep the car of the reference image exactly/);
  }
  assert.ok(r.response.images.every((i) => i.url.startsWith("data:image/png;base64,")));
  assert.deepEqual(r.response.images.map((i) => i.consistency.mode), ["anchor", "anchor", "anchor"]);
  assert.ok(r.response.images.every((i) => i.consistency.verified && i.consistency.ok));
});

test("anchor: when the main view fails, the others run as shared-seed", async () => {
  const t = await mock.tenant({ faults: [{ provider: "legacy", match: "front view", kind: "status", status: 500 }] });
  const r = await gen(CLIO, legacy(t, { retries: 0 }));
  assert.equal(r.response.images[0].fallback, true);
  const log = only(await t.log(), "legacy").filter((e) => !e.prompt.includes("front view"));
  assert.equal(log.length, 2);
  assert.ok(log.every((e) => e.query.image === undefined && e.query.model === "flux"));
  assert.deepEqual(r.response.images.slice(1).map((i) => i.consistency.mode), ["shared-seed", "shared-seed"]);
  assert.ok(r.events.some((e) => e.stage === "consistency" && /share its seed/.test(e.message)));
});

test("shared-seed sends one seed; per-angle sends distinct seeds", async () => {
  const t1 = await mock.tenant();
  await gen(CLIO, legacy(t1, { consistency: "shared-seed" }));
  const shared = new Set(only(await t1.log(), "legacy").map((e) => e.query.seed));
  assert.equal(shared.size, 1);
  const t2 = await mock.tenant();
  const r = await gen(CLIO, legacy(t2, { consistency: "per-angle" }));
  const seeds = only(await t2.log(), "legacy").map((e) => e.query.seed);
  assert.equal(new Set(seeds).size, 3);
  assert.deepEqual(r.response.images.map((i) => i.seed), [242103, 735798, 214351]);
  assert.ok(r.response.images.every((i) => i.consistency.mode === "per-angle"));
});

test("a view that drifted to another paint is detected and regenerated with the next seed", async () => {
  const t = await mock.tenant({ faults: [{ provider: "legacy", match: "rear view", kind: "drift", colour: "red", times: 1 }] });
  const r = await gen(CLIO, legacy(t));
  const rear = only(await t.log(), "legacy").filter((e) => e.prompt.includes("rear view"));
  assert.equal(rear.length, 2, "made again once");
  assert.notEqual(rear[0].query.seed, rear[1].query.seed);
  const image = r.response.images[2];
  assert.equal(image.seed, Number(rear[1].query.seed));
  assert.equal(image.consistency.ok, true);
  assert.ok(image.consistency.delta_e_requested < 5, JSON.stringify(image.consistency));
  assert.equal(r.response.debug.verification.regenerated, 1);
  assert.ok(r.events.some((e) => e.stage === "consistency" && /rear: the paint drifted/.test(e.message)));
  assert.ok(r.events.some((e) => /rear: regenerating with seed \d+/.test(e.message)));
});

test("a drift that persists is reported, and the better attempt is kept", async () => {
  const t = await mock.tenant({ faults: [{ provider: "legacy", match: "side profile", kind: "drift", colour: "yellow" }] });
  const r = await gen(CLIO, legacy(t, { consistency: "per-angle" }));
  const side = r.response.images[1];
  assert.equal(side.consistency.ok, false);
  assert.ok(side.consistency.delta_e_main > 18, JSON.stringify(side.consistency));
  assert.deepEqual(r.response.debug.verification.failing, ["side"]);
  assert.equal(only(await t.log(), "legacy").filter((e) => e.prompt.includes("side profile")).length, 2, "one regeneration, bounded");
});

test("verify: false skips the pixel check", async () => {
  const t = await mock.tenant();
  const r = await gen(CLIO, legacy(t, { verify: false }));
  assert.ok(r.response.images.every((i) => i.consistency.verified === false && i.consistency.ok));
});

test("secrets: a key appears in no URL, response, event, error or console line, even when requests fail", async () => {
  const KEY = "sk_RECOGNISABLE_KEY_4242";
  const consoleLines = [];
  const listener = (m) => consoleLines.push(m.text());
  page.on("console", listener);
  const t = await mock.tenant({ faults: [{ provider: "gen", match: "rear view", kind: "status", status: 500 }] });
  const r = await gen(CLIO, { pollinations: { apiKey: KEY, baseUrl: t.base, mediaUrl: `${t.base}/media` }, search: searchAt(t), cache: false, retries: 1 });
  page.off("console", listener);
  assert.equal(r.response.images[2].fallback, true);
  const everything = JSON.stringify(r) + consoleLines.join("\n");
  assert.ok(!everything.includes(KEY) && !everything.includes("RECOGNISABLE"), "the key leaked");
  assert.ok(r.response.images.every((i) => !i.source_url || !i.source_url.includes("RECOGNISABLE")));
  assert.ok((await t.log()).every((e) => !e.path.includes("RECOGNISABLE") && !JSON.stringify(e.query).includes("RECOGNISABLE")));
});

test("injection: &, ?, #, /, % and quotes in the input cannot add or change a URL parameter", async () => {
  const t = await mock.tenant();
  const brand = `Ren&seed=1#x?model=evil/%2F"'`;
  const r = await gen({ car_data: { brand, model: "Clio&width=1", year: 2019, color: "blue" }, angles: ["front"] }, legacy(t));
  const [e] = only(await t.log(), "legacy");
  assert.deepEqual(Object.keys(e.query).sort(), ["height", "model", "seed", "width"]);
  assert.equal(e.query.model, "flux");
  assert.equal(e.query.width, "1024");
  assert.equal(e.query.seed, String(r.response.images[0].seed));
  assert.ok(e.prompt.includes(`${brand} Clio&width=1`), e.prompt);
});

test("memory: runs after the first few reuse freed memory instead of growing the wasm heap", async () => {
  // The allocator must give freed blocks back: 40 more full runs
  // (previews, decoding, colour check, JSON) and 80 large previews after a
  // warm-up leave the module's memory where the warm-up left it, give or
  // take one 64 KiB page. Each run allocates far more than that in total.
  const t = await mock.tenant();
  const sizes = await page.evaluate(async (base) => {
    const { memory } = await window.carviews.default();
    const car = { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" };
    const round = async (from, to) => {
      for (let i = from; i < to; i++) {
        await window.carviews.generateCarImages({ car_data: car, angles: ["front", "side", "rear"] },
          { pollinations: { api: "legacy", baseUrl: base }, search: false, cache: false, variation: i, onImage: () => {} });
        window.carviews.renderCarPreview(car, i % 2 ? "front_left" : "rear", { width: 2048, height: 1536 });
        window.carviews.renderCarPreview(car, "interior", { width: 2048, height: 1536 });
      }
      return memory.buffer.byteLength;
    };
    const warm = await round(0, 10);
    return { warm, after: await round(10, 50) };
  }, t.base);
  assert.ok(sizes.after - sizes.warm <= 65536, `the heap grew from ${sizes.warm} to ${sizes.after} bytes`);
});

test("no page errors, no unhandled rejections, no request off this machine", () => {
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(external, []);
});
