// The user's wait for carviews: navigation start → the first preview painted,
// in headless Chromium on Lighthouse's mobile network (150 ms round trip,
// 1.6 Mbps down, 750 kbps up; no CPU slowdown), cache disabled, the files
// served gzip-compressed as a CDN serves them. The page is minimal: it
// imports pkg/web, calls init() and shows one renderCarPreview image.
//   node examples/load_time.mjs        (needs pkg/web: scripts/build.sh)
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../tests/js/chromium.mjs";

const PKG = fileURLToPath(new URL("../pkg/web/", import.meta.url));
export const NETWORK = { latency: 150, downloadKbps: 1600, uploadKbps: 750 };

const PRELOAD = `<link rel="modulepreload" href="./carviews.js">
<link rel="preload" href="./carviews_bg.wasm" as="fetch" type="application/wasm" crossorigin>`;
const page = (preload) => `<!doctype html><meta charset="utf-8"><title>carviews load</title>
${preload ? PRELOAD : ""}
<script type="module">
import init, { renderCarPreview } from "./carviews.js";
await init();
const svg = renderCarPreview({ brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" }, "front_left");
const img = new Image(640, 480);
img.src = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
await img.decode();
document.body.append(img);
requestAnimationFrame(() => requestAnimationFrame(() => { window.painted = performance.now(); }));
</script>`;

const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html; charset=utf-8" };

/** Compresses as a CDN serves: gzip -9, or brotli at its best quality. */
const COMPRESS = {
  gzip: (b) => gzipSync(b, { level: 9 }),
  br: (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
};

/** Serves the page and pkg/web, compressed with `encoding` ("gzip" or "br"). */
async function serve(preload, encoding = "gzip") {
  const compress = COMPRESS[encoding];
  const files = new Map([["/", [compress(Buffer.from(page(preload))), TYPES[".html"]]]]);
  for (const name of ["carviews.js", "carviews_bg.wasm"]) {
    const body = await readFile(PKG + name);
    files.set(`/${name}`, [compress(body), TYPES[name.slice(name.lastIndexOf("."))]]);
  }
  const server = createServer((req, res) => {
    const file = files.get(new URL(req.url, "http://x").pathname);
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": file[1], "content-encoding": encoding, "cache-control": "no-store" });
    res.end(file[0]);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/**
 * Milliseconds from navigation start to the preview painted: each of `runs`
 * cold loads, and their median. `preload` adds the preload links the README
 * recommends; `encoding` is how the files are served ("gzip" or "br").
 */
export async function measureLoadTime(runs = 5, { preload = false, encoding = "gzip" } = {}) {
  const site = await serve(preload, encoding);
  const browser = await launchChromium();
  const times = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: NETWORK.latency,
        downloadThroughput: (NETWORK.downloadKbps * 1000) / 8,
        uploadThroughput: (NETWORK.uploadKbps * 1000) / 8,
      });
      await tab.goto(site.url);
      await tab.waitForFunction(() => window.painted !== undefined, null, { timeout: 30_000 });
      times.push(await tab.evaluate(() => window.painted));
      await context.close();
    }
  } finally {
    await browser.close();
    site.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { times, median: sorted[Math.floor(sorted.length / 2)] };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const encoding of ["br", "gzip"]) {
    for (const preload of [false, true]) {
      const { times, median } = await measureLoadTime(5, { preload, encoding });
      const list = times.map((t) => t.toFixed(0)).join(", ");
      console.log(`${encoding}: navigation → first preview painted${preload ? " (preloaded)" : ""}: median ${median.toFixed(0)} ms (${list})`);
    }
  }
}
