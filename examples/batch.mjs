// Batch pre-generation for a catalogue, in Node: every view of every car in
// a JSON list, with at most N image requests in flight over the whole batch.
//
//   node examples/batch.mjs cars.json [--concurrency 4] [--out results.json]
//        [--out-dir images/] [--key sk_…] [--base https://gen.pollinations.ai] [--api gen|legacy] [--search-base URL]
//
// cars.json: [{ "car_data": {brand, model, year, color, body_type}, "angles": [...] }, …]
// (a bare car_data object per entry works too). The key may also come from
// $POLLINATIONS_KEY. Needs pkg/nodejs (scripts/build.sh). Node has no image
// decoder, so the colour check is skipped (the response says so). With
// --out-dir, every image is written from its `blob` under its `file_name`
// (`{session_id}_{angle}.{jpg|png|webp|svg}`), ready for a listing's storage.
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const { generateCarImages, planCarImages } = require("../pkg/nodejs/carviews.js");

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const file = args.find((a, i) => !a.startsWith("--") && (i === 0 || !args[i - 1].startsWith("--")));
if (!file) {
  console.error("usage: node examples/batch.mjs cars.json [--concurrency N] [--out results.json] [--key sk_…] [--base URL] [--api gen|legacy]");
  process.exit(2);
}
const limit = Math.max(1, Number(flag("concurrency", 4)) | 0);
const key = flag("key", process.env.POLLINATIONS_KEY);
const base = flag("base", undefined);
const api = flag("api", "gen");
const searchBase = flag("search-base", undefined);
const outDir = flag("out-dir", undefined);
if (outDir) mkdirSync(outDir, { recursive: true });

const entries = JSON.parse(readFileSync(file, "utf8")).map((e) => (e.car_data ? e : { car_data: e }));
const requests = entries.map((e) => ({ car_data: e.car_data, angles: e.angles }));

// Every request in flight holds one of `limit` slots: a car takes as many
// slots as it has angles (at most `limit`) and passes that as its own
// concurrency, so the whole batch never has more than `limit` requests out.
let free = limit;
const waiting = [];
const take = (n) => new Promise((ok) => {
  const attempt = () => {
    if (free >= n) {
      free -= n;
      ok();
      return true;
    }
    return false;
  };
  if (!attempt()) waiting.push(attempt);
});
const give = (n) => {
  free += n;
  while (waiting.length && waiting[0]()) waiting.shift();
};

let done = 0;
const started = Date.now();
const results = await Promise.all(
  requests.map(async (request, i) => {
    let plan;
    try {
      plan = planCarImages(request);
    } catch (e) {
      done++;
      console.log(`[${done}/${requests.length}] entry ${i}: invalid (${e.field}: ${e.message})`);
      return { index: i, error: { code: e.code, field: e.field, message: e.message } };
    }
    const slots = Math.min(limit, plan.images.length);
    await take(slots);
    try {
      const t0 = Date.now();
      const res = await generateCarImages(request, {
        pollinations: { apiKey: key, baseUrl: base, api },
        search: searchBase ? { wikipediaUrl: searchBase, commonsUrl: searchBase, wikidataUrl: searchBase } : false,
        concurrency: slots,
        consistency: "shared-seed",
      });
      done++;
      const files = [];
      if (outDir) {
        for (const img of res.images) {
          if (!img.blob) continue;
          writeFileSync(join(outDir, img.file_name), Buffer.from(await img.blob.arrayBuffer()));
          files.push(img.file_name);
        }
      }
      const { brand, model, year } = plan.car;
      console.log(`[${done}/${requests.length}] ${res.session_id} ${year} ${brand} ${model}: ${res.total_generated}/${res.images.length} AI images (${Date.now() - t0} ms)`);
      return {
        index: i,
        session_id: res.session_id,
        success: res.success,
        images: res.images.map((img) => ({ angle: img.angle, provider: img.provider, seed: img.seed, url: img.source_url ?? null, file: files.includes(img.file_name) ? img.file_name : null, error: img.error })),
      };
    } finally {
      give(slots);
    }
  }),
);
const ok = results.filter((r) => r.success).length;
console.log(`done: ${ok}/${results.length} cars fully generated in ${Date.now() - started} ms`);
const out = flag("out", undefined);
if (out) writeFileSync(out, JSON.stringify(results, null, 2));
