// From the seller's own photo (referencePhoto), in headless Chromium with the
// release web build against the mock: the photo is the main view, prepared in
// the browser (EXIF dropped, GPS included; long side 1536 px), uploaded only
// with consent, and every other view is conditioned on it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openCarviewsPage } from "./carviews_page.mjs";
import { makeSellerPhoto, INSPECT } from "./photo_fixture.mjs";

let page;
let mock;
let close;

before(async () => {
  ({ page, mock, close } = await openCarviewsPage());
  await page.evaluate(`window.inspect = ${INSPECT}`);
  await makeSellerPhoto(page);
  const original = await page.evaluate(() => window.inspect(window.sellerPhoto));
  assert.deepEqual(original, { exif: true, gps: true, type: "image/jpeg", width: 2000, height: 1500 }, "the fixture carries EXIF with GPS");
});
after(async () => close?.());

const CAR = { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" };
const KEY = "sk_photo_key";
/** Runs generateCarImages with `window.sellerPhoto` as the photo (or `photo` as given). */
const gen = (request, options, photo) => page.evaluate(async ([r, o, p]) => {
  const events = [];
  try {
    const res = await window.carviews.generateCarImages(r, { ...o, referencePhoto: { image: window.sellerPhoto, ...p }, onEvent: (e) => events.push(e) });
    return { res, events, photo: await window.inspect(res.images[0].blob) };
  } catch (e) {
    return { error: { name: e.name, code: e.code, field: e.field, rule: e.rule, message: e.message }, events };
  }
}, [request, options, photo]);
const keyed = (t, extra = {}) => ({ pollinations: { apiKey: KEY, baseUrl: t.base, mediaUrl: `${t.base}/media` }, search: false, cache: false, ...extra });

test("with consent: the photo leads the response, is uploaded once (prepared: no EXIF, 1536 px), and every other view follows it", async () => {
  const t = await mock.tenant();
  const r = await gen({ car_data: CAR, angles: ["front", "side"] }, keyed(t), { angle: "3/4", upload: true });
  assert.equal(r.error, undefined, JSON.stringify(r.error));
  const [photo, ...others] = r.res.images;
  assert.deepEqual([photo.angle, photo.provider, photo.isMain, photo.fallback], ["front_left", "photo", true, false]);
  assert.equal(photo.file_name, `${r.res.session_id}_front_left.jpg`);
  assert.deepEqual(r.photo, { exif: false, gps: false, type: "image/jpeg", width: 1536, height: 1152 }, "prepared in the browser");
  assert.equal(photo.consistency.dominant_hex.slice(0, 2), "#1");
  assert.deepEqual(others.map((i) => [i.angle, i.provider, i.consistency.mode, i.isMain]), [["front", "pollinations", "anchor", false], ["side", "pollinations", "anchor", false]]);
  const log = await t.log();
  const uploads = log.filter((e) => e.provider === "media");
  assert.equal(uploads.length, 1);
  assert.equal(uploads[0].body.file.type, "image/jpeg");
  const uploaded = await page.evaluate(async (url) => window.inspect(await (await fetch(url)).blob()), r.res.debug.anchor.url);
  assert.deepEqual(uploaded, { exif: false, gps: false, type: "image/jpeg", width: 1536, height: 1152 }, "what left the browser has no EXIF, no GPS");
  const generated = log.filter((e) => e.provider === "gen");
  assert.equal(generated.length, 2, "the photo's view is not generated");
  assert.ok(generated.every((e) => e.query.image === r.res.debug.anchor.url && e.reference === "ok" && e.query.model === "kontext"));
  assert.ok(others.every((i) => i.consistency.delta_e_main !== null && i.consistency.delta_e_requested === null), "held to the photo's paint");
});

test("without consent: nothing is uploaded; Pollinations makes the other views from the text, and says why", async () => {
  const t = await mock.tenant();
  const r = await gen({ car_data: CAR, angles: ["front", "side", "rear"] }, keyed(t), { angle: "side" });
  assert.deepEqual(r.res.images.map((i) => [i.angle, i.provider]), [["side", "photo"], ["front", "pollinations"], ["rear", "pollinations"]]);
  const log = await t.log();
  assert.equal(log.filter((e) => e.provider === "media").length, 0, "no upload");
  assert.ok(log.filter((e) => e.provider === "gen").every((e) => e.query.image === undefined));
  assert.deepEqual(r.res.images.slice(1).map((i) => i.consistency.mode), ["shared-seed", "shared-seed"]);
  assert.ok(r.events.some((e) => /not uploaded to Pollinations without referencePhoto.upload: true/.test(e.message)));
  assert.deepEqual(r.res.debug.anchor, { url: null, uploaded: false, via: null });
});

test("through the team's proxy (no consent needed): /images/edits carries the prepared photo", async () => {
  const t = await mock.tenant();
  const r = await gen({ car_data: CAR, angles: ["front", "rear"] }, { dalle: { proxyUrl: `${t.base}/v1`, model: "gpt-image-1" }, pollinations: false, search: false, cache: false }, { angle: "front" });
  assert.deepEqual(r.res.images.map((i) => [i.angle, i.provider, i.consistency.mode]), [["front", "photo", "photo"], ["rear", "dalle", "anchor"]]);
  const log = await t.log();
  const [edit] = log.filter((e) => e.provider === "openai-edit");
  assert.equal(edit.body.image.type, "image/jpeg");
  assert.ok(edit.body.image.size > 1000 && edit.body.image.size < 2_000_000);
  assert.equal(log.filter((e) => e.provider === "openai").length, 0, "no generation of the photo's view");
  assert.equal(r.res.debug.anchor.via, "bytes");
});

test("a photo whose paint is far from the requested colour is reported, not refused", async () => {
  const t = await mock.tenant();
  const r = await gen({ car_data: { ...CAR, color: "red" }, angles: ["front"] }, keyed(t), { angle: "front_left" });
  assert.equal(r.res.images[0].provider, "photo");
  assert.ok(r.events.some((e) => /The photo's paint \(#.*\) is far from the requested colour/.test(e.message)));
});

test("bad photos get a CarViewsError naming the field", async () => {
  const t = await mock.tenant({ faults: [{ provider: "files", kind: "nocors" }] });
  const cases = await page.evaluate(async (base) => {
    const jpeg = async (w, h) => {
      const c = new OffscreenCanvas(w, h);
      c.getContext("2d").fillRect(0, 0, w, h);
      return c.convertToBlob({ type: "image/jpeg" });
    };
    const attempt = async (referencePhoto) => {
      try {
        await window.carviews.generateCarImages({ car_data: { brand: "Renault", model: "Clio", year: 2019 }, angles: ["front"] }, { pollinations: false, search: false, referencePhoto });
        return null;
      } catch (e) {
        return [e.code, e.field, e.rule, e.message];
      }
    };
    return {
      notImage: await attempt({ image: new Blob(["hello"], { type: "text/plain" }), angle: "front" }),
      undecodable: await attempt({ image: new Blob([new Uint8Array(3000).fill(7)], { type: "image/jpeg" }), angle: "front" }),
      tooLarge: await attempt({ image: new Blob([new Uint8Array(21 * 1024 * 1024)], { type: "image/jpeg" }), angle: "front" }),
      tooSmall: await attempt({ image: await jpeg(400, 200), angle: "front" }),
      plainHttp: await attempt({ image: "http://photos.example/car.jpg", angle: "front" }),
      unknownAngle: await attempt({ image: await jpeg(800, 600), angle: "underneath" }),
      noImage: await attempt({ angle: "front" }),
      cors: await attempt({ image: `${base}/files/blue.png`, angle: "front" }),
    };
  }, t.base);
  const field = "options.referencePhoto.image";
  assert.deepEqual(cases.notImage.slice(0, 3), ["invalid_request", field, "out_of_range"]);
  assert.match(cases.notImage[3], /is not an image/);
  assert.deepEqual(cases.undecodable.slice(0, 2), ["invalid_request", field]);
  assert.match(cases.undecodable[3], /could not be decoded/);
  assert.deepEqual(cases.tooLarge.slice(0, 3), ["invalid_request", field, "too_long"]);
  assert.match(cases.tooSmall[3], /400×200 px; its short side must be at least 256 px/);
  assert.deepEqual(cases.plainHttp.slice(0, 2), ["invalid_request", field]);
  assert.deepEqual(cases.unknownAngle.slice(0, 3), ["invalid_request", "options.referencePhoto.angle", "unknown_angle"]);
  assert.deepEqual(cases.noImage.slice(0, 3), ["invalid_request", field, "missing"]);
  assert.deepEqual(cases.cors.slice(0, 2), ["invalid_request", field]);
  assert.match(cases.cors[3], /does not let this page read it \(CORS\)/);
});

test("a photo by URL is fetched (CORS permitting) and prepared the same way", async () => {
  const t = await mock.tenant();
  // The photo, served by the mock from a URL.
  const url = await page.evaluate(async ([base, key]) => {
    const form = new FormData();
    form.append("file", window.sellerPhoto, "car.jpg");
    return (await (await fetch(`${base}/media/upload`, { method: "POST", headers: { authorization: `Bearer ${key}` }, body: form })).json()).url;
  }, [t.base, KEY]);
  const r = await page.evaluate(async (u) => {
    const res = await window.carviews.generateCarImages({ car_data: { brand: "Renault", model: "Clio", year: 2019, color: "blue" }, angles: ["front"] }, { pollinations: false, search: false, referencePhoto: { image: u, angle: "front" } });
    return window.inspect(res.images[0].blob);
  }, url);
  assert.deepEqual(r, { exif: false, gps: false, type: "image/jpeg", width: 1536, height: 1152 });
});
