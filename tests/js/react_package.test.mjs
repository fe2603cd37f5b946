// carviews/react from the published package: a fresh Vite + React app is
// built against the packed package (npm pack; the bundler build of carviews
// through vite-plugin-wasm) and renders a generation in headless Chromium,
// against the mock, and under a Content-Security-Policy that forbids
// compiling the module (the hook reports it; the page does not crash).
// React, Vite and the plugin come from the demo's packages (the app lives
// under www/ so Node's resolution finds them).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveRepo } from "./static_server.mjs";
import { launchChromium } from "./chromium.mjs";
import { withMock } from "./mock_client.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const app = mkdtempSync(join(ROOT, "www", ".package-app-"));
after(() => rmSync(app, { recursive: true, force: true }));

const MAIN = `import { createRoot } from "react-dom/client";
import { useCarImages } from "carviews/react";

const query = new URLSearchParams(location.search);
const mock = query.get("mock");
// With ?key=, gen with the key: images shown from object URLs the hook must release.
const pollinations = query.get("key")
  ? { apiKey: query.get("key"), baseUrl: mock, mediaUrl: mock + "/media" }
  : { api: "legacy", baseUrl: mock };
const request = { car_data: { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" }, angles: ["front", "side", "rear"] };

function App() {
  const { images, status, response, error, run } = useCarImages(request, { pollinations, search: false, cache: false });
  return (
    <main data-status={status}>
      <button onClick={() => run()}>Generate</button>
      {response && <p className="session">{response.session_id}</p>}
      {error && <p className="error">{error.name}: {error.code}</p>}
      {Object.values(images).map((i) => <img key={i.angle} data-provider={i.provider} alt={i.title} src={i.url} />)}
    </main>
  );
}
createRoot(document.getElementById("root")).render(<App />);
`;

test("a fresh Vite + React app imports useCarImages from carviews/react (the packed package) and renders a generation", async () => {
  const pkg = join(ROOT, "pkg");
  execFileSync("npm", ["pack", "--silent", "--pack-destination", app], { cwd: pkg, stdio: ["ignore", "pipe", "inherit"] });
  const tarball = readdirSync(app).find((f) => f.endsWith(".tgz"));
  assert.ok(tarball, "npm pack made a tarball");
  // Installed as npm would install a package without dependencies.
  const installed = join(app, "node_modules", "carviews");
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", join(app, tarball), "--strip-components=1", "-C", installed]);
  mkdirSync(join(app, "src"));
  writeFileSync(join(app, "index.html"), `<!doctype html><meta charset="utf-8"><div id="root"></div><script type="module" src="/src/main.jsx"></script>`);
  writeFileSync(join(app, "src", "main.jsx"), MAIN);
  writeFileSync(join(app, "vite.config.js"), `import wasm from "vite-plugin-wasm";
export default { plugins: [wasm()], resolve: { dedupe: ["react", "react-dom"] }, build: { target: "esnext" }, logLevel: "warn" };
`);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "fresh-app", private: true, type: "module", dependencies: { carviews: `file:${tarball}` } }));
  execFileSync(process.execPath, [join(ROOT, "www", "node_modules", "vite", "bin", "vite.js"), "build"], { cwd: app, stdio: ["ignore", "pipe", "inherit"] });

  const site = await serveRepo(join(app, "dist"));
  const mock = await withMock();
  const browser = await launchChromium();
  try {
    const t = await mock.tenant();
    const page = await browser.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.route(/^(?!https?:\/\/127\.0\.0\.1[:/])(?!data:|blob:)/, (route) => (problems.push(route.request().url()), route.abort()));
    await page.goto(`${site.url}/?mock=${encodeURIComponent(t.base)}`);
    await page.getByRole("button", { name: "Generate" }).click();
    await page.locator('main[data-status="done"]').waitFor({ timeout: 15000 });
    assert.equal(await page.locator('img[data-provider="pollinations"]').count(), 3);
    assert.equal(await page.textContent(".session"), "CAR-7671f0b6");

    // The hook releases the previous run's images when a new run starts.
    const keyed = await browser.newPage();
    await keyed.addInitScript(() => {
      const live = new Set();
      const create = URL.createObjectURL.bind(URL);
      const revoke = URL.revokeObjectURL.bind(URL);
      URL.createObjectURL = (b) => { const u = create(b); live.add(u); return u; };
      URL.revokeObjectURL = (u) => { live.delete(u); revoke(u); };
      window.liveUrls = live;
    });
    await keyed.goto(`${site.url}/?mock=${encodeURIComponent(t.base)}&key=sk_hook`);
    const generate = async () => {
      await keyed.getByRole("button", { name: "Generate" }).click();
      await keyed.locator('main[data-status="done"]').waitFor({ timeout: 15000 });
      return keyed.evaluate(() => [...window.liveUrls].filter((u) => u.startsWith("blob:")).length);
    };
    assert.equal(await generate(), 3, "the first run's three images");
    assert.equal(await generate(), 3, "the second run's three: the first run's were released");
    assert.deepEqual(problems, []);

    // Under a policy without 'wasm-unsafe-eval' the page renders, and a run
    // reports the module it cannot start as the hook's error.
    const strict = await serveRepo(join(app, "dist"), 0, { "content-security-policy": "script-src 'self'" });
    try {
      const csp = await browser.newPage();
      const cspProblems = [];
      csp.on("pageerror", (e) => cspProblems.push(String(e)));
      await csp.goto(`${strict.url}/?mock=${encodeURIComponent(t.base)}`);
      await csp.getByRole("button", { name: "Generate" }).click();
      await csp.locator('main[data-status="error"]').waitFor({ timeout: 15000 });
      assert.equal(await csp.textContent(".error"), "CarViewsError: module_unavailable");
      assert.deepEqual(cspProblems, []);
    } finally {
      await strict.close();
    }
  } finally {
    await browser.close();
    await mock.close();
    await site.close();
  }
});
