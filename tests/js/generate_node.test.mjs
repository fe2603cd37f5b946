// generateCarImages in Node (the nodejs package, global fetch) against the
// mock service: what a batch pre-generation script relies on.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { withMock, allOverlap } from "./mock_client.mjs";

const require = createRequire(import.meta.url);
const { generateCarImages } = require("../../pkg/nodejs/carviews.js");

let mock;
before(async () => {
  mock = await withMock();
});
after(async () => {
  await mock.close();
});

const CLIO = { car_data: { brand: "Рено", model: "Кліо", year: 2019, color: "синій", body_type: "хетчбек" } };

test("parallel generation with a key, in Node", async () => {
  const t = await mock.tenant({ latencyMs: 300 });
  const images = [];
  const res = await generateCarImages(CLIO, {
    pollinations: { apiKey: "sk_NODEKEY", baseUrl: t.base },
    search: false,
    consistency: "shared-seed",
    cache: false,
    onImage: (i) => images.push(i),
  });
  assert.equal(res.session_id, "CAR-7671f0b6");
  assert.equal(res.success, true);
  assert.deepEqual(res.images.map((i) => i.angle), ["front", "side", "rear"]);
  // A server's object URL would mean nothing to a browser: the bytes, as a data: URL.
  assert.ok(res.images.every((i) => i.url.startsWith("data:image/png;base64,")), res.images[0].url.slice(0, 40));
  for (const i of res.images) {
    const bytes = Buffer.from(await i.blob.arrayBuffer());
    assert.equal(i.url, `data:image/png;base64,${bytes.toString("base64")}`);
  }
  assert.ok(allOverlap(await t.log()));
  assert.equal(images.length, 6, "three previews, then three images");
  assert.ok(!JSON.stringify(res).includes("NODEKEY"));
  assert.ok(res.images.every((i) => i.consistency.verified === false), "Node has no image decoder");
  assert.match(res.debug.warnings.join(), /colour check was skipped/);
});

test("with every provider failing, every angle still gets the preview and the promise resolves", async () => {
  const t = await mock.tenant({ faults: [{ provider: "*", kind: "status", status: 502 }] });
  const res = await generateCarImages(CLIO, { pollinations: { api: "legacy", baseUrl: t.base }, search: false, retries: 1, cache: false });
  assert.equal(res.success, false);
  assert.equal(res.total_generated, 0);
  assert.ok(res.images.every((i) => i.provider === "preview" && i.fallback && /HTTP 502/.test(i.error)));
  assert.ok(res.images.every((i) => i.url.startsWith("data:image/svg+xml;base64,")));
  assert.equal((await t.log()).length, 6);
});

test("no provider at all: previews only", async () => {
  const res = await generateCarImages(CLIO, { pollinations: false, search: false });
  assert.equal(res.success, false);
  assert.ok(res.images.every((i) => i.provider === "preview" && i.error === "no AI provider is configured"));
});

test("abort in Node rejects with an AbortError DOMException", async () => {
  const t = await mock.tenant({ latencyMs: 2000 });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  await assert.rejects(
    generateCarImages(CLIO, { pollinations: { api: "legacy", baseUrl: t.base }, search: false, signal: controller.signal, cache: false }),
    (e) => e.name === "AbortError" && e instanceof DOMException,
  );
  const aborted = new AbortController();
  aborted.abort();
  await assert.rejects(generateCarImages(CLIO, { signal: aborted.signal, search: false }), { name: "AbortError" });
});
