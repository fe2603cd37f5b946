// The fault matrix: every fault kind × every provider, against the mock in
// headless Chromium. Whatever fails, every angle gets an image (AI or the
// preview), the promise resolves, nothing is left unhandled, and nothing runs
// after the call returns. The table of outcomes is printed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openCarviewsPage } from "./carviews_page.mjs";

let page;
let mock;
let close;
const problems = [];

before(async () => {
  ({ page, mock, close } = await openCarviewsPage());
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && !m.text().includes("CORS") && problems.push(m.text()));
});
after(async () => close?.());

// An array, not an object: "402" and "500" would otherwise be sorted first.
const KINDS = [
  ["latency", { kind: "latency", ms: 300 }],
  ["429 + Retry-After", { kind: "status", status: 429, retryAfter: 1, times: 1 }],
  ["402 queue full", { kind: "queue402", times: 2 }],
  ["402 balance", { kind: "payment" }],
  ["429, no Retry-After", { kind: "status", status: 429, times: 1 }],
  // The media service refuses the main view's upload (anchor mode): the
  // other views follow its gen URL, which the reference model cannot fetch,
  // and are made again unconditioned on the main seed.
  ["upload refused", { kind: "status", status: 415, at: ["media"], consistency: "anchor" }],
  ["500", { kind: "status", status: 500 }],
  ["502", { kind: "status", status: 502 }],
  ["503", { kind: "status", status: 503 }],
  ["hang", { kind: "hang" }],
  ["malformed body", { kind: "malformed" }],
  ["truncated image", { kind: "truncated" }],
  ["non-image type", { kind: "notimage" }],
  ["missing CORS", { kind: "nocors" }],
];
const PROVIDERS = {
  proxy: { faultAt: ["openai"], options: (t) => ({ dalle: { proxyUrl: `${t.base}/v1` }, pollinations: { api: "legacy", baseUrl: t.base } }) },
  "Pollinations gen": { faultAt: ["gen"], options: (t) => ({ pollinations: { apiKey: "sk_matrix", baseUrl: t.base, mediaUrl: `${t.base}/media` } }) },
  "Pollinations legacy": { faultAt: ["legacy"], options: (t) => ({ pollinations: { api: "legacy", baseUrl: t.base } }) },
  search: { faultAt: ["wikipedia", "commons", "wikidata"], options: (t) => ({ pollinations: { api: "legacy", baseUrl: t.base } }) },
};
const REQUEST = { car_data: { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" }, angles: ["front", "rear"] };
const rows = [];

for (const [providerName, provider] of Object.entries(PROVIDERS)) {
  test(`fault matrix: ${providerName}`, async () => {
    const row = [providerName];
    for (const [kindName, fault] of KINDS) {
      const { at, consistency = "shared-seed", ...rule } = fault;
      const t = await mock.tenant({ faults: (at ?? provider.faultAt).map((p) => ({ ...rule, provider: p })) });
      const options = {
        ...provider.options(t),
        search: { wikipediaUrl: t.base, commonsUrl: t.base, wikidataUrl: t.base, timeoutMs: 500 },
        timeoutMs: 600,
        retries: 1,
        cache: false,
        consistency,
      };
      const outcome = await page.evaluate(async ([r, o]) => {
        try {
          const res = await window.carviews.generateCarImages(r, o);
          return { res };
        } catch (e) {
          return { rejected: `${e.name}: ${e.message}` };
        }
      }, [REQUEST, options]);
      assert.equal(outcome.rejected, undefined, `${providerName} × ${kindName} rejected`);
      const { res } = outcome;
      assert.deepEqual(res.images.map((i) => i.angle), ["front", "rear"], `${providerName} × ${kindName}`);
      assert.ok(res.images.every((i) => i.url && (i.provider !== "preview" || i.fallback)), `${providerName} × ${kindName}`);
      assert.ok(res.images.every((i) => (i.fallback ? typeof i.error_code === "string" : i.error_code === null)), `${providerName} × ${kindName}: error_code`);
      const settled = (await t.log()).length;
      await new Promise((ok) => setTimeout(ok, 400));
      assert.equal((await t.log()).length, settled, `${providerName} × ${kindName}: a request after the call returned`);
      const providers = [...new Set(res.images.map((i) => (i.fallback ? `preview (${i.error_code})` : i.provider)))].join("+");
      const refs = res.images.filter((i) => i.reference).length;
      row.push(providerName === "search" ? `${providers}, ${refs} ref` : providers);
    }
    rows.push(row);
  });
}

test("no unhandled rejections or page errors over the whole matrix; the table", () => {
  assert.deepEqual(problems, []);
  const header = ["provider \\ fault", ...KINDS.map(([name]) => name)];
  const table = [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
  console.log(`# fault matrix (what each angle ended with):\n${table.split("\n").map((l) => `# ${l}`).join("\n")}`);
});
