// The default path's floor: a run with a key in anchor mode (the main view
// first, uploaded to the media service, the others conditioned on it) with
// the colour check on costs at best L (main) + upload + L (the others).
// Measured against the mock (every image L ms, the upload U ms) with the
// mock's own log splitting carviews' time into its four gaps; and the
// shared-seed runs (everything at once) beside it. Used by bench.mjs;
// `node examples/default_path.mjs` prints it alone (needs pkg/web).
import { openCarviewsPage } from "../tests/js/carviews_page.mjs";

const CAR = { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" };
const ALL = ["front", "front_left", "front_right", "side", "side_right", "rear", "rear_left", "rear_right"];

/** The default path and shared-seed runs on `page`, at latency `L` and upload `U`. */
export async function defaultPath(page, mock, { L = 800, U = 50, reps = 3 } = {}) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const call = (request, options) =>
    page.evaluate(async ([r, o]) => {
      const t0 = performance.now();
      const res = await window.carviews.generateCarImages(r, o);
      return { ms: performance.now() - t0, ok: res.total_generated, via: res.debug.anchor?.via ?? null };
    }, [request, options]);
  const anchorRows = [];
  for (const n of [3, 6, 8]) {
    const runs = [];
    for (let i = 0; i < reps + 1; i++) {
      const t = await mock.tenant({ latencyMs: L, faults: [{ provider: "media", kind: "latency", ms: U }] });
      const options = {
        pollinations: { apiKey: "sk_bench", baseUrl: t.h2base, mediaUrl: `${t.h2base}/media` },
        search: false, cache: false, variation: `bench-${n}-${i}`,
      };
      const r = await call({ car_data: CAR, angles: ALL.slice(0, n) }, options);
      const log = await t.log();
      const gen = log.filter((e) => e.provider === "gen").sort((a, b) => a.start - b.start);
      const upload = log.find((e) => e.provider === "media");
      const [main, ...rest] = gen;
      const restStart = Math.min(...rest.map((e) => e.start));
      const restEnd = Math.max(...rest.map((e) => e.end));
      const floor = (main.end - main.start) + (upload.end - upload.start) + (restEnd - restStart);
      if (i > 0) {
        runs.push({
          ms: r.ms, floor, ok: r.ok, via: r.via,
          mainToUpload: upload.start - main.end,
          uploadToRest: restStart - upload.end,
          outside: r.ms - (restEnd - main.start),
        });
      }
    }
    const m = (k) => median(runs.map((x) => x[k]));
    anchorRows.push({ n, ms: m("ms"), floor: m("floor"), overhead: m("ms") - m("floor"), mainToUpload: m("mainToUpload"), uploadToRest: m("uploadToRest"), outside: m("outside"), ok: runs.every((x) => x.ok === n && x.via === "media") });
  }
  const sharedRows = [];
  for (const n of [1, 3, 6, 8]) {
    const runs = [];
    for (let i = 0; i < reps + 1; i++) {
      const t = await mock.tenant({ latencyMs: L });
      const options = {
        pollinations: { apiKey: "sk_bench", baseUrl: t.h2base, mediaUrl: `${t.h2base}/media` },
        search: false, cache: false, consistency: "shared-seed", variation: `shared-${n}-${i}`,
      };
      const r = await call({ car_data: CAR, angles: ALL.slice(0, n) }, options);
      if (i > 0) runs.push(r.ms);
    }
    sharedRows.push({ n, ms: median(runs) });
  }
  return { L, U, anchorRows, sharedRows };
}

/** The section of BENCHMARKS.md. */
export function defaultPathMarkdown({ L, U, anchorRows, sharedRows }) {
  const f = (x) => x.toFixed(0);
  const r = (x) => (x / L).toFixed(3);
  return `## 10. The default path at its floor

A run with a key in anchor mode (the default: the main view first, uploaded to the media service, the
others conditioned on it), the colour check on, the search off; the mock answers every image in
L = ${L} ms and the upload in ${U} ms, over HTTP/2. The floor is what the services took, from the mock's own
log (main image + upload + the conditioned images); carviews' own time is the rest, split at the mock:
from the main image's answer to the upload's request, from the upload's answer to the conditioned
requests, and before the first request plus after the last answer. Medians of three runs after a warm-up.

| angles | total | ÷ L | floor (services) | carviews' own | main → upload | upload → others | before + after | all delivered, via media |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${anchorRows.map((x) => `| ${x.n} | ${f(x.ms)} ms | ${r(x.ms)} | ${f(x.floor)} ms (${r(x.floor)} L) | ${f(x.overhead)} ms | ${f(x.mainToUpload)} ms | ${f(x.uploadToRest)} ms | ${f(x.outside)} ms | ${x.ok ? "yes" : "no"} |`).join("\n")}

Goal: carviews' own time ≤ 40 ms (≤ 2.12 · L in all). Everything at once (\`consistency: "shared-seed"\`, a key):

| angles | total | ÷ L |
| --- | --- | --- |
${sharedRows.map((x) => `| ${x.n} | ${f(x.ms)} ms | ${r(x.ms)} |`).join("\n")}

Goal: ≤ 1.05 · L up to 8 angles.
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { page, mock, close } = await openCarviewsPage({ http2: true });
  const result = await defaultPath(page, mock, { reps: Number(process.env.REPS ?? 3) });
  await close();
  console.log(defaultPathMarkdown(result));
}
