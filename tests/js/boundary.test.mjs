// The JS boundary in a headless browser: malformed calls to every export
// reject or throw a real Error with `code` (and `field` for bad input) —
// or succeed where the input is valid — and the module still works after.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveRepo } from "./static_server.mjs";
import { launchChromium } from "./chromium.mjs";

let server;
let browser;
let page;
const problems = [];
before(async () => {
  server = await serveRepo();
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.route(/^(?!https?:\/\/127\.0\.0\.1[:/])(?!data:|blob:)/, (route) => route.abort());
  await page.goto(`${server.url}/tests/js/blank.html`);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("at least 40 malformed calls: each a CarViewsError with code and field, and the module keeps working", async () => {
  const results = await page.evaluate(async () => {
    const m = await import("/pkg/web/carviews.js");
    await m.default();
    const car = { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" };
    const req = { car_data: car };
    const off = { search: false, pollinations: false };
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const cases = [
      ["plan: null", () => m.planCarImages(null)],
      ["plan: undefined", () => m.planCarImages(undefined)],
      ["plan: number", () => m.planCarImages(42)],
      ["plan: array", () => m.planCarImages([req])],
      ["plan: string", () => m.planCarImages("Renault Clio")],
      ["plan: car_data string", () => m.planCarImages({ car_data: "Renault Clio" })],
      ["plan: car_data array", () => m.planCarImages({ car_data: [car] })],
      ["plan: angles string", () => m.planCarImages({ car_data: car, angles: "front" })],
      ["plan: angles of numbers", () => m.planCarImages({ car_data: car, angles: [1, 2] })],
      ["plan: nested angle list", () => m.planCarImages({ car_data: car, angles: [["front"]] })],
      ["plan: getter throws", () => m.planCarImages({ get car_data() { throw new Error("boom"); } })],
      ["plan: brand getter throws a string", () => m.planCarImages({ car_data: { get brand() { throw "x"; }, model: "Clio", year: 2019 } })],
      ["plan: Proxy trap throws", () => m.planCarImages(new Proxy({}, { get() { throw new TypeError("trap"); } }))],
      ["plan: revoked Proxy", () => m.planCarImages(revoked.proxy)],
      ["plan: 10 MB brand", () => m.planCarImages({ car_data: { ...car, brand: "x".repeat(10_000_000) } })],
      ["plan: brand object", () => m.planCarImages({ car_data: { ...car, brand: { toString: () => "Renault" } } })],
      ["plan: brand symbol", () => m.planCarImages({ car_data: { ...car, brand: Symbol("x") } })],
      ["plan: year NaN", () => m.planCarImages({ car_data: { ...car, year: NaN } })],
      ["plan: year Infinity", () => m.planCarImages({ car_data: { ...car, year: -Infinity } })],
      ["plan: year 1e308", () => m.planCarImages({ car_data: { ...car, year: 1e308 } })],
      ["plan: year bigint", () => m.planCarImages({ car_data: { ...car, year: 2019n } })],
      ["plan: year fraction", () => m.planCarImages({ car_data: { ...car, year: 2019.5 } })],
      ["plan: model with newline", () => m.planCarImages({ car_data: { ...car, model: "Cl\nio" } })],
      ["plan: options string", () => m.planCarImages(req, "uk")],
      ["plan: options.language number", () => m.planCarImages(req, { language: 7 })],
      ["plan: options.variation NaN", () => m.planCarImages(req, { variation: NaN })],
      ["plan: frozen valid request", () => m.planCarImages(Object.freeze({ car_data: Object.freeze({ ...car }) }))],
      ["preview: angle null", () => m.renderCarPreview(car, null)],
      ["preview: width string", () => m.renderCarPreview(car, "front", { width: "640" })],
      ["preview: background injection", () => m.renderCarPreview(car, "front", { background: '"/><script>alert(1)</script>' })],
      ["preview: caption string", () => m.renderCarPreview(car, "front", { caption: "yes" })],
      ["preview: car_data function", () => m.renderCarPreview(() => car, "front")],
      ["sessionIdFor: variation object", () => m.sessionIdFor(car, {})],
      ["sessionIdFor: null", () => m.sessionIdFor(null)],
      ["seedFor: session id number", () => m.seedFor(123, "front")],
      ["seedFor: session id 10 MB", () => m.seedFor("C".repeat(10_000_000), "front")],
      ["seedFor: unknown angle", () => m.seedFor("CAR-1", "underneath")],
      ["angleTitle: array", () => m.angleTitle(["front"])],
      ["angleTitle: language object", () => m.angleTitle("front", {})],
      ["generate: null request", () => m.generateCarImages(null, off)],
      ["generate: options number", () => m.generateCarImages(req, 5)],
      ["generate: signal not an AbortSignal", () => m.generateCarImages(req, { ...off, signal: { aborted: false } })],
      ["generate: onImage string", () => m.generateCarImages(req, { ...off, onImage: "show" })],
      ["generate: onEvent number", () => m.generateCarImages(req, { ...off, onEvent: 1 })],
      ["generate: pollinations string", () => m.generateCarImages(req, { pollinations: "sk_x", search: false })],
      ["generate: proxyUrl plain http", () => m.generateCarImages(req, { ...off, dalle: { proxyUrl: "http://example.com/v1" } })],
      ["generate: header with newline", () => m.generateCarImages(req, { ...off, dalle: { proxyUrl: "https://p.example/v1", headers: { "X-A": "a\nb" } } })],
      ["generate: timeoutMs negative", () => m.generateCarImages(req, { ...off, timeoutMs: -1 })],
      ["generate: retries Infinity", () => m.generateCarImages(req, { ...off, retries: Infinity })],
      ["generate: search string", () => m.generateCarImages(req, { pollinations: false, search: "yes" })],
      ["generate: options getter throws", () => m.generateCarImages(req, { get pollinations() { throw new Error("nope"); } })],
      ["generate: throwing callbacks (valid)", () => m.generateCarImages(req, { ...off, onImage() { throw new Error("app"); }, onEvent() { throw new Error("app"); } })],
      ["auth: sk_ as client id", () => m.pollinationsAuthorizeUrl({ clientId: "sk_secret", redirectUri: "https://a.example/" })],
      ["auth: no options", () => m.pollinationsAuthorizeUrl()],
      ["auth: exchange without code", () => m.pollinationsExchangeCode({ verifier: "v", clientId: "pk_a", redirectUri: "https://a.example/" })],
    ];
    const out = [];
    for (const [name, call] of cases) {
      try {
        const value = await call();
        out.push({ name, ok: true, kind: typeof value });
      } catch (e) {
        out.push({ name, ok: false, isError: e instanceof Error, errorName: e?.name, code: e?.code, field: e?.field });
      }
    }
    const after = m.planCarImages(req).session_id;
    return { out, after };
  });
  assert.ok(results.out.length >= 40, `${results.out.length} cases`);
  const mustSucceed = new Set(["plan: frozen valid request", "generate: throwing callbacks (valid)"]);
  for (const r of results.out) {
    if (mustSucceed.has(r.name)) {
      assert.equal(r.ok, true, r.name);
      continue;
    }
    assert.equal(r.ok, false, `${r.name} should fail`);
    assert.equal(r.isError, true, `${r.name}: a real Error`);
    assert.equal(r.errorName, "CarViewsError", r.name);
    assert.equal(r.code, "invalid_request", r.name);
    assert.equal(typeof r.field, "string", `${r.name}: field`);
  }
  assert.equal(results.after, "CAR-7671f0b6", "the module is not poisoned");
  assert.deepEqual(problems, []);
  console.log(`# ${results.out.length} calls at the JS boundary: ${results.out.filter((r) => !r.ok).length} rejected with a CarViewsError, ${results.out.filter((r) => r.ok).length} valid`);
});
