// DALL-E through a proxy a team already runs: examples/proxy/nginx.conf.template,
// rendered with envsubst and run as an nginx instance of the test's own on a
// free loopback port (stopped when the test ends, whatever happens), with the
// mock's OpenAI endpoint as the upstream and a recognisable server key. In
// headless Chromium: the views come through it as `dalle`; the server key
// reaches the upstream and nothing else; CORS serves the allowed origin only;
// a burst past the limit gets 429 + Retry-After, which carviews honours; an
// oversized edit gets 413 and the view is made unconditioned instead. Also the
// no-server option: Pollinations' OpenAI-compatible endpoint with the user's key.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveRepo } from "./static_server.mjs";
import { launchChromium } from "./chromium.mjs";
import { withMock } from "./mock_client.mjs";

const TEMPLATE = fileURLToPath(new URL("../../examples/proxy/nginx.conf.template", import.meta.url));
const SERVER_KEY = "sk-server-RECOGNISABLE-4711";
const CLIO = { car_data: { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" }, angles: ["front", "side", "rear"] };

let mock;
let site;
let otherSite;
let browser;
const proxies = [];
const external = [];

/** A free port on 127.0.0.1. */
const freePort = () => new Promise((ok) => {
  const s = createServer().listen(0, "127.0.0.1", () => {
    const { port } = s.address();
    s.close(() => ok(port));
  });
});

/** Renders the template and starts nginx on loopback; resolves once it answers. */
async function startProxy(allowedOrigin) {
  const dir = mkdtempSync(join(tmpdir(), "carviews-nginx-"));
  mkdirSync(join(dir, "logs"));
  const port = await freePort();
  const env = { ...process.env, OPENAI_API_KEY: SERVER_KEY, ALLOWED_ORIGIN: allowedOrigin, UPSTREAM_URL: mock.url, PORT: `127.0.0.1:${port}` };
  const rendered = execFileSync("envsubst", ["${OPENAI_API_KEY} ${ALLOWED_ORIGIN} ${UPSTREAM_URL} ${PORT}"], { input: readFileSync(TEMPLATE), env });
  writeFileSync(join(dir, "nginx.conf"), rendered);
  const stderr = [];
  const child = spawn("nginx", ["-p", dir, "-e", "stderr", "-c", join(dir, "nginx.conf"), "-g", `daemon off; pid ${join(dir, "nginx.pid")};`], { stdio: ["ignore", "ignore", "pipe"] });
  child.stderr.on("data", (d) => stderr.push(String(d)));
  const proxy = {
    url: `http://127.0.0.1:${port}/v1`,
    dir,
    logs: () => readFileSync(join(dir, "logs", "access.log"), "utf8") + stderr.join(""),
    stop: () => {
      child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
  proxies.push(proxy);
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return proxy;
    } catch {
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
  throw new Error(`nginx did not start: ${stderr.join("")}`);
}

// nginx never outlives the tests, even when one fails or the run is interrupted.
const stopAll = () => proxies.splice(0).forEach((p) => p.stop());
process.on("exit", stopAll);

before(async () => {
  mock = await withMock();
  site = await serveRepo();
  otherSite = await serveRepo();
  browser = await launchChromium();
});
after(async () => {
  assert.deepEqual(external.flatMap((list) => list()), [], "no request left this machine");
  stopAll();
  await browser?.close();
  await mock?.close();
  await site?.close();
  await otherSite?.close();
});

/** A page on `origin`'s static server with the release web build; requests and their headers recorded. */
async function pageAt(server) {
  const page = await browser.newPage();
  const requests = [];
  page.on("request", (r) => requests.push({ url: r.url(), method: r.method(), headers: r.headers() }));
  // No page.route here: Playwright answers CORS preflights itself while it
  // intercepts requests, which would hide what the proxy answers. Every
  // request is recorded instead, and none may leave this machine.
  external.push(() => requests.filter((r) => !/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(r.url)).map((r) => r.url));
  await page.goto(`${server.url}/tests/js/blank.html`);
  await page.evaluate(async () => {
    const m = await import("/pkg/web/carviews.js");
    await m.default();
    window.carviews = m;
  });
  const gen = (request, options) => page.evaluate(async ([r, o]) => {
    const events = [];
    const res = await window.carviews.generateCarImages(r, { ...o, onEvent: (e) => events.push(e) });
    return { res, events };
  }, [request, options]);
  return { page, requests, gen };
}

const openaiLog = async () => (await (await fetch(`${mock.url}/__control/log`)).json()).filter((e) => e.provider.startsWith("openai"));
const resetMock = () => fetch(`${mock.url}/__control/reset`, { method: "POST" });

test("from the allowed origin, every view comes through the proxy; the upstream sees the server key, the browser sends none", async () => {
  await resetMock();
  const proxy = await startProxy(site.url);
  const { page, requests, gen } = await pageAt(site);
  const { res } = await gen(CLIO, { dalle: { proxyUrl: proxy.url }, pollinations: { baseUrl: mock.url }, search: false, cache: false });
  assert.deepEqual(res.images.map((i) => i.provider), ["dalle", "dalle", "dalle"]);
  const upstream = await openaiLog();
  assert.equal(upstream.length, 3);
  assert.ok(upstream.every((e) => e.auth === `Bearer ${SERVER_KEY}`), "the server key on every upstream request");
  const toProxy = requests.filter((r) => r.url.startsWith(proxy.url));
  assert.ok(toProxy.length >= 3);
  assert.ok(toProxy.every((r) => !("authorization" in r.headers)), "the browser sent no key");
  assert.ok(!JSON.stringify(res).includes("RECOGNISABLE"));

  // One proxied call's headers, for the record (the key redacted).
  const answer = await fetch(`${proxy.url}/images/generations`, { method: "POST", headers: { "content-type": "application/json", origin: site.url }, body: JSON.stringify({ model: "dall-e-3", prompt: "a blue car", n: 1, size: "1792x1024" }) });
  const seen = (await openaiLog()).at(-1);
  console.log(`# request upstream: POST ${seen.path}, Authorization: ${seen.auth.replace(SERVER_KEY, "sk-…(redacted)")}`);
  console.log(`# response to the browser: ${answer.status} ${[...answer.headers].filter(([k]) => !["date"].includes(k)).map(([k, v]) => `${k}: ${v}`).join("; ")}`);
  assert.equal(answer.headers.get("access-control-allow-origin"), site.url);
  assert.equal(answer.headers.get("access-control-allow-headers"), null, "the upstream's CORS headers are not passed on");
  await page.close();
});

test("the proxy drops the browser's Authorization, answers CORS for the allowed origin only, and logs no key", async () => {
  await resetMock();
  const proxy = await startProxy(site.url);
  const sneaky = await fetch(`${proxy.url}/images/generations`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer sk-browser-SHOULD-NOT-PASS", origin: "http://evil.example" },
    body: JSON.stringify({ model: "dall-e-3", prompt: "a red car", n: 1, size: "1792x1024" }),
  });
  assert.equal(sneaky.status, 200);
  assert.equal(sneaky.headers.get("access-control-allow-origin"), null, "no CORS for another origin");
  const [seen] = await openaiLog();
  assert.equal(seen.auth, `Bearer ${SERVER_KEY}`, "the browser's Authorization was replaced");
  const body = await sneaky.text();
  assert.ok(!body.includes("RECOGNISABLE"));
  const preflight = (origin) => fetch(`${proxy.url}/images/edits`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });
  const allowed = await preflight(site.url);
  assert.equal(allowed.status, 204);
  assert.equal(allowed.headers.get("access-control-allow-origin"), site.url);
  assert.equal(allowed.headers.get("access-control-allow-methods"), "POST");
  assert.equal(allowed.headers.get("access-control-allow-headers"), "Content-Type");
  assert.equal((await preflight("http://evil.example")).headers.get("access-control-allow-origin"), null);
  for (const [method, path] of [["GET", "/images/generations"], ["POST", "/chat/completions"], ["GET", "/models"], ["DELETE", "/images/edits"]]) {
    const r = await fetch(`${proxy.url}${path}`, { method });
    assert.equal(r.status, 404, `${method} ${path}`);
    assert.match(await r.text(), /"error"/);
  }
  assert.equal((await openaiLog()).length, 1, "nothing else reached the upstream");
  const logs = proxy.logs();
  assert.ok(logs.includes("POST /v1/images/generations"), logs);
  assert.ok(!logs.includes("RECOGNISABLE") && !logs.includes("SHOULD-NOT-PASS"), "no key in any log line");
});

test("from another origin, CORS refuses the proxy and carviews falls back, saying why", async () => {
  await resetMock();
  const proxy = await startProxy(site.url);
  const { page, gen } = await pageAt(otherSite);
  const { res, events } = await gen({ ...CLIO, angles: ["front"] }, { dalle: { proxyUrl: proxy.url }, pollinations: false, search: false, cache: false, retries: 0 });
  assert.equal(res.images[0].provider, "preview");
  assert.equal(res.images[0].error_code, "network");
  assert.ok(events.some((e) => e.provider === "dalle" && /gave no image — network error/.test(e.message)), JSON.stringify(events.map((e) => e.message)));
  assert.equal((await openaiLog()).length, 0, "the browser never sent the request");
  // nginx writes a request's log line after its answer: give it a moment on a busy machine.
  for (let i = 0; i < 40 && !/"OPTIONS /.test(proxy.logs()); i++) await new Promise((ok) => setTimeout(ok, 50));
  assert.match(proxy.logs(), /"OPTIONS \/v1\/images\/generations" 204/, "only the preflight reached the proxy");
  await page.close();
});

test("a burst past the limit gets 429 with Retry-After, which carviews honours without losing a view", async () => {
  await resetMock();
  const proxy = await startProxy(site.url);
  const { page, gen } = await pageAt(site);
  const angles = ["front", "front_left", "front_right", "side", "side_right", "rear", "rear_left", "rear_right"];
  const t0 = Date.now();
  const { res, events } = await gen({ ...CLIO, angles }, { dalle: { proxyUrl: proxy.url }, pollinations: false, search: false, cache: false, consistency: "shared-seed", verify: false });
  const seconds = (Date.now() - t0) / 1000;
  assert.deepEqual(res.images.map((i) => i.provider), angles.map(() => "dalle"), "no view lost");
  const limited = (proxy.logs().match(/" 429 /g) ?? []).length;
  console.log(`# burst of ${angles.length}: ${limited} answered 429 (Retry-After: 6), all ${angles.length} delivered in ${seconds.toFixed(1)} s`);
  assert.ok(limited >= 2, "the burst went past the limit");
  assert.ok(events.some((e) => e.stage === "throttle"), "carviews slowed down to one at a time");
  assert.ok(seconds >= 5.5, "it waited as Retry-After asked");
  assert.equal((await openaiLog()).length, angles.length, "the upstream saw each view once");
  await page.close();
});

test("an oversized edit gets 413; the view is made unconditioned on the main seed instead", async () => {
  await resetMock();
  await fetch(`${mock.url}/__control/config`, { method: "POST", body: JSON.stringify({ faults: [{ provider: "openai", match: "front view", kind: "large", bytes: 9_000_000, times: 1 }] }) });
  const proxy = await startProxy(site.url);
  const { page, gen } = await pageAt(site);
  const { res, events } = await gen(CLIO, { dalle: { proxyUrl: proxy.url, model: "gpt-image-1" }, pollinations: false, search: false, cache: false });
  const edits = (proxy.logs().match(/"POST \/v1\/images\/edits" 413 /g) ?? []).length;
  console.log(`# oversized edit: ${edits} edits answered 413 by the proxy; the views: ${res.images.map((i) => `${i.provider}/${i.consistency.mode}`).join(", ")}`);
  assert.equal(edits, 2, "both edits refused");
  assert.equal((await openaiLog()).filter((e) => e.provider === "openai-edit").length, 0, "none reached the upstream");
  assert.deepEqual(res.images.map((i) => [i.provider, i.consistency.mode]), [["dalle", "anchor"], ["dalle", "shared-seed"], ["dalle", "shared-seed"]]);
  assert.ok(events.some((e) => /HTTP 413/.test(e.message)));
  await page.close();
});

test("no server: Pollinations' OpenAI-compatible endpoint with the user's key in the proxy headers only; edits carry the main view", async () => {
  await resetMock();
  const { page, requests, gen } = await pageAt(site);
  const userKey = "sk_user_POLLEN_77";
  const { res } = await gen(CLIO, { dalle: { proxyUrl: `${mock.url}/v1`, model: "gptimage", headers: { Authorization: `Bearer ${userKey}` } }, pollinations: false, search: false, cache: false });
  assert.deepEqual(res.images.map((i) => [i.provider, i.model, i.consistency.mode]), [["dalle", "gptimage", "anchor"], ["dalle", "gptimage", "anchor"], ["dalle", "gptimage", "anchor"]]);
  const log = await openaiLog();
  assert.deepEqual(log.map((e) => e.provider), ["openai", "openai-edit", "openai-edit"]);
  assert.ok(log.every((e) => e.auth === `Bearer ${userKey}`));
  assert.ok(log.filter((e) => e.provider === "openai-edit").every((e) => e.body.image.size > 100 && e.body.image.type === "image/png"), "the main view attached");
  assert.ok(requests.every((r) => !r.url.includes("POLLEN")), "not in a URL");
  assert.ok(!JSON.stringify(log.map((e) => e.body)).includes("POLLEN"), "not in a body");
  assert.ok(!JSON.stringify(res).includes("POLLEN"));
  await page.close();
});
