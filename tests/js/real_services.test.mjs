// The services as their source shows them (shared/PROVIDERS.md, "Second
// read"), against the mock that is as strict: the reference model fetches
// `image=` itself without credentials, uploads need the key, gen's 402 is a
// bill, the edge limiter's 429 has no Retry-After, legacy watermarks and
// serves flux as sana. In headless Chromium, with the release web build.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openCarviewsPage } from "./carviews_page.mjs";

let page;
let mock;
let close;
const external = [];

before(async () => {
  ({ page, mock, close } = await openCarviewsPage());
  page.on("request", (r) => {
    if (!/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(r.url())) external.push(r.url());
  });
  await page.evaluate(() => {
    window.gen = async (request, options) => {
      const images = [];
      const events = [];
      try {
        const response = await window.carviews.generateCarImages(request, {
          ...options,
          onImage: (i) => images.push(i),
          onEvent: (e) => events.push(e),
        });
        return { response, images, events };
      } catch (e) {
        return { error: { name: e.name, message: e.message, code: e.code, field: e.field, rule: e.rule }, images, events };
      }
    };
  });
});

after(async () => {
  await close?.();
  assert.deepEqual(external, [], "no request left this machine");
});

const CLIO = { car_data: { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" }, angles: ["front", "side", "rear"] };
const KEY = "sk_REAL_SERVICES_KEY";
const gen = (request, options) => page.evaluate(([r, o]) => window.gen(r, o), [request, options]);
const keyed = (t, extra = {}) => ({
  pollinations: { apiKey: KEY, baseUrl: t.base, mediaUrl: `${t.base}/media`, ...extra.pollinations },
  search: false,
  cache: false,
  ...extra,
  ...(extra.pollinations ? { pollinations: { apiKey: KEY, baseUrl: t.base, mediaUrl: `${t.base}/media`, ...extra.pollinations } } : {}),
});
const only = (log, provider) => log.filter((e) => e.provider === provider);
const CODES = ["no_provider", "auth_required", "auth_failed", "payment_required", "rate_limited", "content_policy", "bad_request", "timeout", "network", "server_error", "bad_image", "aborted"];

test("anchor mode with a key: every request is one the real service takes (listed for the record)", async () => {
  const t = await mock.tenant();
  const r = await gen(CLIO, keyed(t));
  assert.equal(r.response.success, true);
  const log = (await t.log()).filter((e) => e.provider !== "models");
  const lines = log.map((e) => `${e.method} ${e.path.replace(/^\/image\/.*/, "/image/{prompt}")} ${Object.keys(e.query).join(",") || (e.body ? Object.keys(e.body).join(",") : "")}`);
  console.log(`# requests of one anchor run:\n#   ${lines.join("\n#   ")}`);
  for (const e of only(log, "gen")) {
    const keys = Object.keys(e.query).sort();
    assert.deepEqual(keys.filter((k) => k !== "image"), ["height", "model", "seed", "width"], "no nologo, no negative_prompt");
    assert.equal(e.auth, `Bearer ${KEY}`);
    if (e.query.image) assert.equal(e.reference, "ok", "the reference model could download the image");
  }
  assert.equal(only(log, "media").length, 1);
  assert.equal(log.length, 4, "three views and one upload");
});

test("upload refused, gen URL not in the gateway's cache: the conditioned views fail, then come unconditioned on the main seed — AI images, not previews", async () => {
  for (const status of [401, 413, 415]) {
    const t = await mock.tenant({ faults: [{ provider: "media", kind: "status", status }] });
    const r = await gen(CLIO, keyed(t, { retries: 0 }));
    const [main, ...others] = r.response.images;
    assert.equal(r.response.success, true, `${status}: every view an AI image`);
    assert.deepEqual(r.response.debug.anchor, { url: main.source_url, uploaded: false, via: "gen-url" });
    assert.ok(r.events.some((e) => e.stage === "consistency" && e.level === "warn" && new RegExp(`Uploading the main view .*HTTP ${status}`).test(e.message)), `${status}: the upload failure is told`);
    const log = only(await t.log(), "gen");
    const conditioned = log.filter((e) => e.query.image);
    assert.equal(conditioned.length, 2);
    assert.ok(conditioned.every((e) => e.query.image === main.source_url && e.status === 400 && /401/.test(e.reference)), "the reference model cannot fetch a keyed gen URL");
    for (const image of others) {
      assert.equal(image.provider, "pollinations");
      assert.equal(image.fallback, false);
      assert.equal(image.consistency.mode, "shared-seed");
      assert.equal(image.seed, main.seed, "the main view's seed");
      assert.equal(image.error_code, null);
      const retry = log.find((e) => !e.query.image && e.prompt.includes(image.angle === "side" ? "side profile" : "rear view"));
      assert.equal(retry.query.seed, String(main.seed));
      assert.equal(retry.query.model, "flux");
      assert.ok(r.events.some((e) => e.angle === image.angle && /conditioned on the main view failed .*unconditioned with the main view's seed/.test(e.message)));
    }
  }
});

test("upload refused but the gateway's cache holds the main image: the views follow its gen URL", async () => {
  const t = await mock.tenant({ genCache: true, faults: [{ provider: "media", kind: "status", status: 401 }] });
  const r = await gen(CLIO, keyed(t));
  assert.equal(r.response.debug.anchor.via, "gen-url");
  assert.deepEqual(r.response.images.map((i) => i.consistency.mode), ["anchor", "anchor", "anchor"]);
  assert.ok(only(await t.log(), "gen").filter((e) => e.query.image).every((e) => e.reference === "ok"));
});

test("402 on every view: a bill, not a queue — one request a view, previews with payment_required, one warning", async () => {
  const t = await mock.tenant({ faults: [{ provider: "gen", kind: "payment" }] });
  const r = await gen(CLIO, keyed(t, { retries: 2 }));
  assert.equal(only(await t.log(), "gen").length, 3, "exactly one request per view: no retry");
  assert.ok(r.response.images.every((i) => i.fallback && i.provider === "preview" && i.error_code === "payment_required"), JSON.stringify(r.response.images.map((i) => i.error_code)));
  assert.ok(r.response.debug.providers_tried.every((p) => p.error_code === "payment_required" && p.attempts === 1));
  const warnings = r.events.filter((e) => /402 Payment Required: the key's pollen balance or budget is spent/.test(e.message));
  assert.equal(warnings.length, 1, "told once");
  assert.ok(!r.events.some((e) => e.stage === "throttle" || e.stage === "retry"), "not throttled or retried");
  assert.equal(r.response.debug.anchor.via, null);
});

test("a 402 says which money it is about, once, with what to do; keyless x402 asks for a key", async () => {
  for (const [reason, advice] of [["balance", /top it up/], ["key_budget", /larger budget/], ["paid_only", /free model/]]) {
    const t = await mock.tenant({ faults: [{ provider: "gen", kind: "payment", reason }] });
    const r = await gen(CLIO, keyed(t));
    const told = r.events.filter((e) => /402 Payment Required/.test(e.message));
    assert.equal(told.length, 1, `${reason}: told once`);
    assert.equal(told[0].code, "payment_required");
    assert.equal(told[0].reason, reason);
    assert.match(told[0].message, advice);
    assert.ok(r.response.images.every((i) => i.error_code === "payment_required"));
  }
  const t = await mock.tenant({ x402: true });
  const r = await gen(CLIO, { pollinations: { baseUrl: t.base, mediaUrl: `${t.base}/media` }, search: false, cache: false });
  assert.ok(only(await t.log(), "gen").every((e) => e.status === 402), "the mock offered x402");
  assert.ok(r.response.images.every((i) => i.error_code === "auth_required" && /sign in with Pollinations/.test(i.error)));
  assert.ok(!r.events.some((e) => /402 Payment Required/.test(e.message)), "not the balance warning");
});

test("legacy's Queue-full 402 is still a queue: throttled, retried, delivered", async () => {
  const t = await mock.tenant({ faults: [{ provider: "legacy", kind: "queue402", times: 2 }] });
  const r = await gen(CLIO, { pollinations: { api: "legacy", baseUrl: t.base }, search: false, cache: false });
  assert.equal(r.response.success, true);
  assert.ok(r.events.some((e) => e.stage === "throttle"));
});

test("429 without Retry-After: exponential backoff, one at a time, no view lost", async () => {
  const t = await mock.tenant({ cap: 1, capRetryAfter: null, latencyMs: 100 });
  const r = await gen(CLIO, keyed(t, { consistency: "shared-seed" }));
  assert.equal(r.response.success, true);
  const log = only(await t.log(), "gen");
  const refused = log.filter((e) => e.status === 429);
  assert.ok(refused.length >= 1, "the limiter answered 429");
  assert.ok(r.events.some((e) => e.stage === "throttle"), "switched to one at a time");
  for (const e of refused) {
    const next = log.find((o) => o.seq > e.seq && o.prompt === e.prompt);
    assert.ok(next.start - e.end >= 250, `backed off before asking again (${Math.round(next.start - e.end)} ms)`);
  }
  assert.ok(r.response.debug.providers_tried.every((p) => p.error_code === null));
});

test("legacy: deprecated upstream — served by sana, watermarked, no reference model; the colour check leaves the watermark out", async () => {
  const t = await mock.tenant();
  const r = await gen(CLIO, { pollinations: { api: "legacy", baseUrl: t.base }, search: false, cache: false });
  const log = only(await t.log(), "legacy");
  assert.ok(log.every((e) => e.servedBy === "sana" && e.query.image === undefined && !("nologo" in e.query)));
  assert.deepEqual(r.response.images.map((i) => i.consistency.mode), ["anchor", "shared-seed", "shared-seed"]);
  assert.deepEqual(r.response.debug.anchor, { url: null, uploaded: false, via: null });
  for (const i of r.response.images) {
    assert.equal(i.consistency.verified, true);
    assert.equal(i.consistency.ok, true, JSON.stringify(i.consistency));
    assert.equal(i.consistency.dominant_hex, "#1f4e9c", "the paint, not the watermark");
  }
});

test("every fallback and failed attempt carries an error_code a UI can translate", async () => {
  const cases = [
    [{ provider: "gen", kind: "status", status: 500 }, "server_error"],
    [{ provider: "gen", kind: "status", status: 422 }, "content_policy"],
    [{ provider: "gen", kind: "status", status: 400 }, "bad_request"],
    [{ provider: "gen", kind: "notimage" }, "bad_image"],
  ];
  for (const [fault, code] of cases) {
    const t = await mock.tenant({ faults: [fault] });
    const r = await gen({ ...CLIO, angles: ["front"] }, keyed(t, { retries: 0 }));
    const [image] = r.response.images;
    assert.equal(image.fallback, true);
    assert.equal(image.error_code, code, `${JSON.stringify(fault)}: ${image.error}`);
    assert.ok(r.response.debug.providers_tried.every((p) => p.error_code === code));
  }
  const noKey = await mock.tenant();
  const r = await gen({ ...CLIO, angles: ["front"] }, { pollinations: { baseUrl: noKey.base }, search: false, cache: false });
  assert.equal(r.response.images[0].error_code, "auth_required");
  const none = await gen({ ...CLIO, angles: ["front"] }, { pollinations: false, search: false, cache: false });
  assert.equal(none.response.images[0].error_code, "no_provider");
  assert.ok(CODES.includes(none.response.images[0].error_code));
});

test("pollinationsModels: the catalogue without a key, cached for the page; a reference model that takes no image is refused once it is known", async () => {
  const t = await mock.tenant();
  const opts = keyed(t, { pollinations: { referenceModel: "flux" } });
  const before = await gen({ ...CLIO, angles: ["front"] }, opts);
  assert.equal(before.error, undefined, "unknown catalogue: not refused");
  const models = await page.evaluate((base) => window.carviews.pollinationsModels({ baseUrl: base }), t.base);
  assert.deepEqual(models.find((m) => m.name === "kontext"), { name: "kontext", description: "FLUX.1 Kontext (reference image)", input_modalities: ["text", "image"], output_modalities: ["image"], paid_only: false });
  assert.ok(models.find((m) => m.name === "seedream5").paid_only);
  await page.evaluate((base) => window.carviews.pollinationsModels({ baseUrl: base }), t.base);
  const catalogueRequests = only(await t.log(), "models");
  assert.equal(catalogueRequests.length, 1, "cached for the page's life");
  assert.equal(catalogueRequests[0].auth, null, "no key needed");
  const refused = await gen({ ...CLIO, angles: ["front"] }, opts);
  assert.deepEqual({ ...refused.error, message: undefined }, { name: "CarViewsError", message: undefined, code: "invalid_request", field: "options.pollinations.referenceModel", rule: "wrong_model" });
  const fine = await gen({ ...CLIO, angles: ["front"] }, keyed(t, { pollinations: { referenceModel: "gptimage" } }));
  assert.equal(fine.error, undefined);
  const down = await page.evaluate(() => window.carviews.pollinationsModels({ baseUrl: "http://127.0.0.1:9" }).then(() => null, (e) => ({ name: e.name, code: e.code })));
  assert.deepEqual(down, { name: "CarViewsError", code: "unavailable" });
});

test("sign-in: the authorize URL narrows the key (models, budget, expiry) and checks them", async () => {
  const out = await page.evaluate(() => window.carviews.pollinationsAuthorizeUrl({
    clientId: "pk_app", redirectUri: "http://localhost:5173/", authUrl: "http://127.0.0.1:9",
    models: ["flux", "kontext"], budget: 3, expiry: 7,
  }));
  const q = new URL(out.url).searchParams;
  assert.equal(q.get("models"), "flux,kontext");
  assert.equal(q.get("budget"), "3");
  assert.equal(q.get("expiry"), "7");
  const plain = await page.evaluate(() => window.carviews.pollinationsAuthorizeUrl({ clientId: "pk_app", redirectUri: "http://localhost:5173/" }));
  assert.ok(!/models=|budget=|expiry=/.test(plain.url));
  const bad = await page.evaluate(() => {
    try {
      window.carviews.pollinationsAuthorizeUrl({ clientId: "pk_app", redirectUri: "http://localhost:5173/", budget: -1 });
      return null;
    } catch (e) {
      return { code: e.code, field: e.field };
    }
  });
  assert.deepEqual(bad, { code: "invalid_request", field: "budget" });
});
