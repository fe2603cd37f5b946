// What a marketplace needs around the images, in headless Chromium with the
// release web build: the bytes (blob, file_name) of every image, object URLs
// that are released (by the caller, by the cache, by the garbage
// collector) so memory stays bounded over a long session, and the
// vocabulary for forms.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openCarviewsPage } from "./carviews_page.mjs";
import { longSession } from "./long_session.mjs";

let page;
let mock;
let close;

before(async () => {
  ({ page, mock, close } = await openCarviewsPage());
});
after(async () => close?.());

const CLIO = { car_data: { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" }, angles: ["front", "side", "rear"] };

/** Runs generateCarImages; describes each image's blob (type, size, first bytes) as the page sees it. */
const describe = (request, options) => page.evaluate(async ([r, o]) => {
  const look = async (i) => ({
    angle: i.angle, provider: i.provider, placeholder: i.placeholder, file_name: i.file_name, url: i.url.slice(0, 5),
    blob: i.blob instanceof Blob ? { type: i.blob.type, size: i.blob.size, head: Array.from(new Uint8Array(await i.blob.slice(0, 4).arrayBuffer())) } : i.blob,
  });
  const seen = [];
  const res = await window.carviews.generateCarImages(r, { ...o, onImage: (i) => seen.push(i) });
  return { session: res.session_id, images: await Promise.all(res.images.map(look)), seen: await Promise.all(seen.map(look)) };
}, [request, options]);

const PNG = [0x89, 0x50, 0x4e, 0x47];
const SVG = [0x3c, 0x73, 0x76, 0x67]; // "<svg"

test("every image carries its bytes and a file name from their real type: keyed, anonymous, proxy URL and base64, preview", async () => {
  const t = await mock.tenant();
  const keyed = await describe(CLIO, { pollinations: { apiKey: "sk_bytes", baseUrl: t.base, mediaUrl: `${t.base}/media` }, search: false, cache: false });
  for (const i of keyed.images) {
    assert.deepEqual(i.blob.type, "image/png");
    assert.deepEqual(i.blob.head, PNG);
    assert.equal(i.file_name, `${keyed.session}_${i.angle}.png`);
    assert.equal(i.url, "blob:");
  }
  const previews = keyed.seen.filter((i) => i.placeholder);
  assert.equal(previews.length, 3);
  for (const p of previews) {
    assert.equal(p.blob.type, "image/svg+xml");
    assert.deepEqual(p.blob.head, SVG);
    assert.equal(p.file_name, `${keyed.session}_${p.angle}.svg`);
  }
  assert.deepEqual(keyed.seen.filter((i) => !i.placeholder).map((i) => [i.file_name, i.blob.type]), keyed.images.map((i) => [i.file_name, i.blob.type]), "onImage gets the bytes too");

  const anonymous = await describe(CLIO, { pollinations: { api: "legacy", baseUrl: t.base }, search: false, cache: false, verify: false });
  assert.ok(anonymous.images.every((i) => i.blob.type === "image/png" && i.file_name.endsWith(".png") && i.url === "http:"));

  for (const model of ["dall-e-3", "gpt-image-1"]) {
    const proxy = await describe(CLIO, { dalle: { proxyUrl: `${t.base}/v1`, model }, pollinations: false, search: false, cache: false, verify: false });
    assert.ok(proxy.images.every((i) => i.provider === "dalle" && i.blob?.type === "image/png" && i.file_name.endsWith(".png")), `${model}: ${JSON.stringify(proxy.images)}`);
  }

  const offline = await describe(CLIO, { pollinations: false, search: false, cache: false });
  assert.ok(offline.images.every((i) => i.provider === "preview" && i.blob.type === "image/svg+xml" && i.file_name.endsWith(".svg")));
});

test("a drifted attempt's and a corrupt download's object URLs are revoked at once; releaseCarImages revokes the rest, once", async () => {
  const t = await mock.tenant({ faults: [{ provider: "gen", match: "rear view", kind: "drift", colour: "red" }, { provider: "gen", match: "side profile", kind: "truncated", times: 1 }] });
  const out = await page.evaluate(async (base) => {
    const live = new Set();
    const create = URL.createObjectURL;
    const revoke = URL.revokeObjectURL;
    URL.createObjectURL = (b) => { const u = create.call(URL, b); live.add(u); return u; };
    URL.revokeObjectURL = (u) => { live.delete(u); revoke.call(URL, u); };
    try {
      const res = await window.carviews.generateCarImages(
        { car_data: { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" }, angles: ["front", "side", "rear"] },
        { pollinations: { apiKey: "sk_own", baseUrl: base, mediaUrl: `${base}/media` }, search: false, cache: false, consistency: "shared-seed" });
      const shown = res.images.map((i) => i.url);
      const beforeRelease = [...live];
      window.carviews.releaseCarImages(res);
      const afterRelease = [...live];
      window.carviews.releaseCarImages(res);
      window.carviews.releaseCarImages({ images: [{ get url() { throw new Error("hostile"); } }] });
      window.carviews.releaseCarImages(null);
      return { shown, beforeRelease, afterRelease, regenerated: res.debug.verification.regenerated };
    } finally {
      URL.createObjectURL = create;
      URL.revokeObjectURL = revoke;
    }
  }, t.base);
  assert.equal(out.regenerated, 1, "the rear view was made again");
  assert.deepEqual(out.beforeRelease.sort(), out.shown.sort(), "only the shown images' URLs are alive: the thrown-away attempt and the corrupt download are revoked");
  assert.deepEqual(out.afterRelease, [], "released: nothing left");
});

test("the cache holds what it keeps: a released response's image still shows from a cache hit", async () => {
  const t = await mock.tenant();
  const out = await page.evaluate(async (base) => {
    const m = window.carviews;
    const options = { pollinations: { apiKey: "sk_cache", baseUrl: base, mediaUrl: `${base}/media` }, search: false, consistency: "shared-seed", variation: "cache-hold" };
    const first = await m.generateCarImages({ car_data: { brand: "Renault", model: "Clio", year: 2019, color: "blue" }, angles: ["front"] }, options);
    m.releaseCarImages(first);
    // Still shown from the cache: the URL was not revoked.
    const again = await m.generateCarImages({ car_data: { brand: "Renault", model: "Clio", year: 2019, color: "blue" }, angles: ["front"] }, options);
    const img = new Image();
    img.src = again.images[0].url;
    await img.decode();
    return { same: first.images[0].url === again.images[0].url, cached: again.debug.cached, width: img.naturalWidth };
  }, t.base);
  assert.deepEqual(out, { same: true, cached: true, width: 64 });
});

test("memory over a long session: outstanding object URLs stop at the cache's bound, released by the caller or by the collector", async () => {
  const t = await mock.tenant({ faults: [{ provider: "gen", match: "rear view", kind: "drift", colour: "red" }] });
  const released = await longSession(page, t, { runs: 300, release: true });
  const dropped = await longSession(page, t, { runs: 300, release: false });
  const bound = 32 * 3;
  console.log(`# 300 runs, each released: ${released.created} object URLs made, ${released.revoked} revoked, ${released.live} alive`);
  console.log(`# 300 more, none released, then a collection: ${dropped.created} made, ${dropped.revoked} revoked, ${dropped.live} alive`);
  // Every run throws a drifted attempt away; only the three images shown get an object URL.
  assert.ok(released.regenerated >= 300, `${released.regenerated} regenerations`);
  assert.equal(released.created, 300 * 3, "one object URL per image shown, none for an attempt thrown away");
  assert.ok(released.live <= bound, `released: ${released.live} alive (bound ${bound})`);
  // The second session's cache entries replace the first's; the collector released the rest.
  assert.ok(dropped.live <= bound, `dropped: ${dropped.live} alive (bound ${bound})`);
  assert.ok(dropped.revoked >= dropped.created - bound);
});

test("carVocabulary: brands with models, paints with their colour, body types and angles, named in the form's language", async () => {
  const v = await page.evaluate(() => ({ en: window.carviews.carVocabulary(), uk: window.carviews.carVocabulary("uk"), ru: window.carviews.carVocabulary("ru") }));
  const renault = v.uk.brands.find((b) => b.id === "renault");
  assert.deepEqual(renault.models.find((m) => m.id === "Clio"), { id: "Clio", name: "Clio" });
  assert.ok(renault.aliases.includes("Рено"));
  assert.deepEqual(v.uk.colours.find((c) => c.id === "blue"), { id: "blue", name: "синій", hex: "#1f4e9c" });
  assert.deepEqual(v.ru.body_types.find((b) => b.id === "wagon"), { id: "wagon", name: "универсал" });
  assert.deepEqual(v.en.angles[1], { id: "front_left", title: "Front three-quarter view, left" });
  assert.equal(v.en.colours.length, 21);
  const bad = await page.evaluate(() => { try { window.carviews.carVocabulary("de"); return null; } catch (e) { return { code: e.code, field: e.field }; } });
  assert.deepEqual(bad, { code: "invalid_request", field: "language" });
});
