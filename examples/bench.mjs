// Benchmarks of what carviews promises, in headless Chromium against the
// mock service, written to BENCHMARKS.md. Every figure is a ratio or a count
// from one run (these machines are shared and noisy).
//   node examples/bench.mjs            (needs pkg/web: scripts/build.sh)
import { readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import { openCarviewsPage } from "../tests/js/carviews_page.mjs";
import { measureLoadTime, NETWORK } from "./load_time.mjs";
import { longSession } from "../tests/js/long_session.mjs";
import { defaultPath, defaultPathMarkdown } from "./default_path.mjs";

const L = 400;
const ALL = ["front", "front_left", "front_right", "side", "side_right", "rear", "rear_left", "rear_right"];
const CAR = { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" };

const { page, mock, close } = await openCarviewsPage({ http2: true });
await page.evaluate(async () => {
  const m = window.carviews;
  window.timed = async (request, options) => {
    const t0 = performance.now();
    let first = null;
    const res = await m.generateCarImages(request, { ...options, onImage: () => { first ??= performance.now() - t0; } });
    return { ms: performance.now() - t0, first, res };
  };
  window.fetchAll = async (urls) => {
    const t0 = performance.now();
    await Promise.all(urls.map((u) => fetch(u).then((r) => r.blob())));
    return performance.now() - t0;
  };
});
const run = (request, options) => page.evaluate(([r, o]) => window.timed(r, o), [request, options]);
// The mock speaks HTTP/2 over TLS, as the real services do (h2base);
// t.base is the same mock over HTTP/1.1.
const opts = (t, extra = {}, base = t.h2base) => ({ pollinations: { api: "legacy", baseUrl: base }, search: false, cache: false, consistency: "shared-seed", ...extra });
const r2 = (x) => Math.round(x * 100) / 100;

// 1. Parallel speed. A first, unmeasured run warms the page up (connections
// to the mock, the wasm compiled past its baseline tier, the image
// decoder); each figure is then the median of three repetitions.
const median3 = async (measure) => {
  const runs = [await measure(), await measure(), await measure()];
  return runs.sort((a, b) => a.ms - b.ms)[1];
};
await run({ car_data: CAR, angles: ALL.slice(0, 3) }, opts(await mock.tenant({ latencyMs: 50 })));
const parallel = [];
for (const n of [1, 3, 6, 8]) {
  const request = { car_data: CAR, angles: ALL.slice(0, n) };
  const timed = (extra, http1 = false) => async () => {
    const t = await mock.tenant({ latencyMs: L });
    return run(request, opts(t, extra, http1 ? t.base : t.h2base));
  };
  const par = await median3(timed({}));
  const seq = await median3(timed({ concurrency: 1 }));
  const bare = await median3(timed({ verify: false, preview: false }));
  const http1 = await median3(timed({}, true));
  const baseline = await median3(async () => {
    const t = await mock.tenant({ latencyMs: L });
    const urls = par.res.images.map((i) => i.source_url.replace(/^https?:\/\/[^/]+(\/t\/[^/]+)?/, t.h2base));
    return { ms: await page.evaluate((u) => window.fetchAll(u), urls) };
  });
  parallel.push([n, r2(par.ms / L), r2(bare.ms / L), r2(seq.ms / L), r2(baseline.ms / L), r2(http1.ms / L), par.res.total_generated]);
}

// 2. A one-at-a-time queue: 429 + Retry-After: 0 beyond one request in flight.
const queue = [];
for (const n of [3, 6]) {
  const t = await mock.tenant({ latencyMs: L, cap: 1, capRetryAfter: 0 });
  const q = await run({ car_data: CAR, angles: ALL.slice(0, n) }, opts(t));
  const log = (await t.log()).filter((e) => e.provider === "legacy");
  queue.push([n, r2(q.ms / (n * L)), log.filter((e) => e.status === 429).length, `${q.res.total_generated}/${n}`]);
}

// 3. Time to the first visible image (the previews) and 4. a repeated request.
const t4 = await mock.tenant({ latencyMs: L });
const request3 = { car_data: CAR, angles: ["front", "side", "rear"] };
const cached = { pollinations: { api: "legacy", baseUrl: t4.h2base }, search: false, consistency: "shared-seed" };
const firstRun = await run(request3, cached);
const before = (await t4.log()).length;
const repeat = await run(request3, cached);
const repeatRequests = (await t4.log()).length - before;

// 5. CPU cost of the synchronous exports.
const cpu = await page.evaluate((car) => {
  const m = window.carviews;
  const N = 300;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    m.planCarImages({ car_data: { ...car, year: 2000 + (i % 20) }, angles: ["front", "side", "rear"] });
  }
  const plan = (performance.now() - t0) / N;
  const t1 = performance.now();
  for (let i = 0; i < N; i++) {
    for (const a of ["front", "side", "rear"]) m.renderCarPreview({ ...car, year: 2000 + (i % 20) }, a);
  }
  const previews = (performance.now() - t1) / N;
  return { plan, previews };
}, CAR);

// 7. Memory: the module's heap after everything above, and after 40 more
// full runs (previews, decoding, colour check) — freed memory is reused.
const t7 = await mock.tenant();
const heap = await page.evaluate(async ([car, base]) => {
  const { memory } = await window.carviews.default();
  const before = memory.buffer.byteLength;
  for (let i = 0; i < 40; i++) {
    await window.carviews.generateCarImages({ car_data: car, angles: ["front", "side", "rear"] },
      { pollinations: { api: "legacy", baseUrl: base }, search: false, cache: false, variation: i });
  }
  return { before, after: memory.buffer.byteLength };
}, [CAR, t7.h2base]);

// 9. Memory over a long session: object URLs alive after 300 runs, released or not.
const t9 = await mock.tenant({ faults: [{ provider: "gen", match: "rear view", kind: "drift", colour: "red" }] });
const released = await longSession(page, t9, { runs: 300, release: true });
const dropped = await longSession(page, t9, { runs: 300, release: false });

// 10. The default path (anchor, a key, the colour check) against its floor.
const floor = await defaultPath(page, mock, { L: 800, U: 50 });

// 6. Size.
const size = (f) => {
  const b = readFileSync(new URL(`../pkg/web/${f}`, import.meta.url));
  // The same measure as scripts/size-budget.sh: gzip -9, no name in the header.
  return [b.length, execFileSync("gzip", ["-9", "-n", "-c"], { input: b, maxBuffer: 1 << 26 }).length];
};
const [wasmRaw, wasmGz] = size("carviews_bg.wasm");
const [glueRaw, glueGz] = size("carviews.js");

await close();

// 8. Load time: navigation → first preview painted on a throttled mobile link.
const loadBr = await measureLoadTime(5, { encoding: "br" });
const preloadedBr = await measureLoadTime(5, { preload: true, encoding: "br" });
const load = await measureLoadTime(5);
const preloaded = await measureLoadTime(5, { preload: true });

const kb = (b) => (b / 1000).toFixed(1);
const status = (limit) => {
  const total = wasmGz + glueGz;
  return total <= limit ? `met with ${kb(limit - total)} KB to spare` : `not met: ${kb(total - limit)} KB over`;
};
const table = (head, rows) => [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
const md = `# Benchmarks

One run of \`node examples/bench.mjs\` (after \`scripts/build.sh\`) on ${new Date().toISOString().slice(0, 10)}:
${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, headless Chromium, the mock service on 127.0.0.1 with a
fixed latency L = ${L} ms per image. Figures are ratios and counts from this one run (in section 1, after
a warm-up run, each the median of three repetitions): the machines are shared, so absolute times vary.

## 1. Parallel speed (wall time ÷ L)

${table(["angles N", "generateCarImages", "… without the colour check and previews", "one after another (concurrency 1)", "plain Promise.all(fetch)", "generateCarImages over HTTP/1.1", "AI images"], parallel)}

Goal: ≤ 1.05 · L up to N = 8. The mock speaks HTTP/2, as Pollinations and the OpenAI API do, so every
request of a run is in flight at once; over HTTP/1.1 (the next to last column) a browser opens at most six
connections to one origin and the 7th and 8th requests wait for a free one. Decoding each image (a corrupt
one is never shown) and the colour check are most of what carviews adds to a plain fetch.

## 2. A one-at-a-time queue (429 + Retry-After: 0 beyond one request in flight)

${table(["angles N", "total ÷ (N · L)", "requests answered 429", "angles delivered"], queue)}

Goal: ≤ 1.1, no angle lost.

## 3. Time to the first visible image

The previews of every angle reach \`onImage\` ${firstRun.first.toFixed(1)} ms after the call (goal: one 16 ms frame).

## 4. The same car again

A repeated identical request sent ${repeatRequests} network requests and took ${repeat.ms.toFixed(1)} ms
(the first took ${firstRun.ms.toFixed(0)} ms).

## 5. CPU cost inside the module

\`planCarImages\` (3 angles): ${(cpu.plan * 1000).toFixed(0)} µs a call; three \`renderCarPreview\` calls:
${(cpu.previews * 1000).toFixed(0)} µs (averages over 300 calls).

## 6. Size of the release build (pkg/web)

| file | raw | gzip -9 |
|---|---|---|
| carviews_bg.wasm | ${kb(wasmRaw)} KB | ${kb(wasmGz)} KB |
| carviews.js (glue) | ${kb(glueRaw)} KB | ${kb(glueGz)} KB |
| together | ${kb(wasmRaw + glueRaw)} KB | ${kb(wasmGz + glueGz)} KB |

1 KB = 1000 B. \`scripts/size-budget.sh\` (in the test command) is a ceiling that catches accidents, not a
target: it fails above 200 KB gzipped or when a change grows the build more than 5 % over the recorded
size. The budget is the user's wait (section 8).

How the packages are made: \`wasm-pack build --release\` on stable Rust (\`opt-level = "z"\`, LTO, one
codegen unit, \`panic = "abort"\`) with binaryen's \`wasm-opt -Oz\`, and terser over pkg/web's glue. The
module holds the design's crates, each for its job — md-5 (identity), sha2 (PKCE), serde +
serde-wasm-bindgen (every value handed to JavaScript), futures (\`join_all\`, \`join\`, \`Shared\`), gloo-net
(every request) — and std's own formatting, case mapping and math. By twiggy on a build with names (raw
bytes after wasm-opt): std's core (formatting, float printing, Unicode, string search) 54 KB, the
orchestration of \`generateCarImages\` (its async state machines) about 60 KB, the renderer 23 KB, data
(vocabulary in three languages, emblems, prompts, messages, SVG templates) about 50 KB, serde-wasm-bindgen
8.5 KB, sha2 8 KB, dlmalloc 7 KB, futures-util 6.5 KB, libm 10 KB, base64 3.7 KB, md-5 2.6 KB, gloo-net 2 KB.

## 7. Memory

The module's memory (heap and stack) after all of the above: ${(heap.before / 1048576).toFixed(2)} MiB; after 40 more
full runs of three angles: ${(heap.after / 1048576).toFixed(2)} MiB. The allocator (std's dlmalloc) reuses what is freed; a browser
test (\`tests/js/generate_browser.test.mjs\`, "memory") fails if 40 runs after a warm-up grow the heap by more
than one 64 KiB page.

## 8. Load time: navigation → first preview painted

A minimal page that imports pkg/web, calls \`init()\` and shows one \`renderCarPreview\` image, in headless
Chromium on Lighthouse's mobile network emulated through CDP (\`Network.emulateNetworkConditions\`:
${NETWORK.latency} ms latency, ${NETWORK.downloadKbps / 1000} Mbps down, ${NETWORK.uploadKbps} kbps up; no CPU slowdown), cache disabled,
every file compressed as a CDN serves it (\`examples/load_time.mjs\`), five cold loads each, in one run:

| served | loads (ms) | median | with the module preloaded: loads (ms) | median |
| --- | --- | --- | --- | --- |
| brotli (quality 11) | ${loadBr.times.map((t) => t.toFixed(0)).join(", ")} | **${(loadBr.median / 1000).toFixed(2)} s** | ${preloadedBr.times.map((t) => t.toFixed(0)).join(", ")} | ${(preloadedBr.median / 1000).toFixed(2)} s |
| gzip -9 | ${load.times.map((t) => t.toFixed(0)).join(", ")} | ${(load.median / 1000).toFixed(2)} s | ${preloaded.times.map((t) => t.toFixed(0)).join(", ")} | ${(preloaded.median / 1000).toFixed(2)} s |

Goal: ≤ 1.3 s served brotli (${loadBr.median <= 1300 ? "met" : "not met"}); stretch ≤ 1.0 s. Most of it is the transfer of
${kb(wasmGz + glueGz)} KB (gzip) at 1.6 Mbps and three round trips (page, glue, wasm); preloading the module
(\`<link rel="modulepreload">\` for the glue, \`<link rel="preload" as="fetch" type="application/wasm"
crossorigin>\` for the wasm; README, "Loading it fast") saves one of them.

## 9. Memory over a long session

A marketplace page generating all day: 300 runs of distinct cars (three angles, a key, so every image is
shown from an object URL; one view drifted each run, so a regeneration throws an attempt away), the page
counting \`URL.createObjectURL\` and \`URL.revokeObjectURL\` itself (\`tests/js/long_session.mjs\`).

| session | object URLs made | revoked | alive after |
| --- | --- | --- | --- |
| 300 runs, each response released by the caller (\`releaseCarImages\`) | ${released.created} | ${released.revoked} | ${released.live} |
| 300 more runs, no response released, the page dropping them; then a forced collection | ${dropped.created} | ${dropped.revoked} | ${dropped.live} |

The bound is the cache's capacity × angles: 32 × 3 = 96 (the cache keeps its entries' URLs alive). Without
\`releaseCarImages\` and without the \`FinalizationRegistry\`, every one of the ${released.created + dropped.created} URLs would still be alive.

${defaultPathMarkdown(floor)}`;
writeFileSync(new URL("../BENCHMARKS.md", import.meta.url), md);
console.log(md);
