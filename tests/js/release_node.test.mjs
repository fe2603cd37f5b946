// The release package for Node (pkg/nodejs, after wasm-opt), through its
// public JavaScript names.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const carviews = require("../../pkg/nodejs/carviews.js");

const CLIO = { car_data: { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" } };

test("exports the documented names", () => {
  for (const name of ["generateCarImages", "planCarImages", "renderCarPreview", "sessionIdFor", "seedFor", "angleTitle", "pollinationsAuthorizeUrl", "pollinationsExchangeCode"]) {
    assert.equal(typeof carviews[name], "function", name);
  }
});

test("plans the example car with its golden identity", () => {
  const plan = carviews.planCarImages(CLIO, { consistency: "per-angle" });
  assert.equal(plan.session_id, "CAR-7671f0b6");
  assert.deepEqual(plan.images.map((i) => [i.angle, i.seed, i.isMain]), [
    ["front", 242103, true],
    ["side", 735798, false],
    ["rear", 214351, false],
  ]);
  assert.deepEqual(Object.keys(plan.images[0]).sort(), ["angle", "isMain", "negative_prompt", "prompt", "seed", "title"]);
  assert.deepEqual(plan.warnings, []);
});

test("a Ukrainian request is the same car", () => {
  const uk = {
    car_data: { brand: "Рено", model: "Кліо", year: 2019, color: "синій", body_type: "хетчбек" },
    angles: ["спереду", "збоку", "ззаду"],
  };
  assert.equal(carviews.planCarImages(uk).session_id, carviews.planCarImages(CLIO).session_id);
  assert.equal(carviews.sessionIdFor(uk.car_data), "CAR-7671f0b6");
});

test("identity helpers and titles", () => {
  assert.equal(carviews.sessionIdFor(CLIO.car_data, 2), "CAR-a3310417");
  assert.equal(carviews.seedFor("CAR-7671f0b6", "front_left"), 845347);
  assert.equal(carviews.angleTitle("side", "uk"), "Вид збоку");
  assert.equal(carviews.angleTitle("side"), "Side view");
});

test("invalid input throws a real Error with code, field and rule", () => {
  assert.throws(
    () => carviews.planCarImages({ car_data: { brand: "Renault", model: "Clio", year: "nineteen" } }),
    (err) => {
      assert.ok(err instanceof Error);
      assert.equal(err.name, "CarViewsError");
      assert.equal(err.code, "invalid_request");
      assert.equal(err.field, "car_data.year");
      assert.equal(err.rule, "not_integer");
      return true;
    },
  );
  assert.throws(() => carviews.seedFor("CAR-1", "sideways"), { code: "invalid_request", field: "angle" });
  // The module keeps working after errors.
  assert.equal(carviews.planCarImages(CLIO).session_id, "CAR-7671f0b6");
});

test("the typings declare precise types, not any", () => {
  const dts = readFileSync(new URL("../../pkg/nodejs/carviews.d.ts", import.meta.url), "utf8");
  assert.match(dts, /export function planCarImages\(request: CarImagesRequest, options\?: PlanOptions\): CarImagesPlan;/);
  assert.match(dts, /export function seedFor\(sessionId: string, angle: Angle \| string\): number;/);
  assert.match(dts, /export type Angle = "front"/);
  assert.doesNotMatch(dts, /: any\b/);
});

test("pollinationsAuthorizeUrl: a PKCE S256 authorization URL with fresh state and verifier", async () => {
  const { createHash } = await import("node:crypto");
  const a = carviews.pollinationsAuthorizeUrl({ clientId: "pk_demo", redirectUri: "https://my.app/cb" });
  const b = carviews.pollinationsAuthorizeUrl({ clientId: "pk_demo", redirectUri: "https://my.app/cb" });
  const url = new URL(a.url);
  assert.equal(url.origin + url.pathname, "https://enter.pollinations.ai/authorize");
  assert.equal(url.searchParams.get("client_id"), "pk_demo");
  assert.equal(url.searchParams.get("redirect_uri"), "https://my.app/cb");
  assert.equal(url.searchParams.get("code_challenge_method"), "S256");
  assert.equal(url.searchParams.get("state"), a.state);
  assert.equal(url.searchParams.get("code_challenge"), createHash("sha256").update(a.verifier).digest("base64url"));
  assert.match(a.verifier, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a.verifier, b.verifier);
  assert.notEqual(a.state, b.state);
  assert.throws(() => carviews.pollinationsAuthorizeUrl({ clientId: "sk_secret", redirectUri: "https://my.app/cb" }), { field: "clientId" });
  await assert.rejects(
    carviews.pollinationsExchangeCode({ code: "c", verifier: "v", clientId: "pk_demo", redirectUri: "https://my.app/cb", state: "x", expectedState: "y" }),
    { code: "invalid_request", field: "state" },
  );
});

test("the publishable package.json points every runtime at its build", () => {
  const pkg = JSON.parse(readFileSync(new URL("../../pkg/package.json", import.meta.url), "utf8"));
  assert.equal(pkg.name, "carviews");
  assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
  assert.equal(pkg.license, "MIT OR Apache-2.0");
  // Each condition names its build and that build's own typings.
  assert.deepEqual(pkg.exports["."].node, { types: "./nodejs/carviews.d.ts", default: "./nodejs/carviews.js" });
  assert.deepEqual(pkg.exports["."].browser, { types: "./bundler/carviews.d.ts", default: "./bundler/carviews.js" });
  assert.deepEqual(pkg.exports["."].default, { types: "./bundler/carviews.d.ts", default: "./bundler/carviews.js" });
  assert.deepEqual(pkg.exports["./web"], { types: "./web/index.d.ts", default: "./web/index.js" });
  assert.equal(pkg.exports["./react"].default, "./react/useCarImages.js");
  assert.equal(pkg.exports["./react"].types, "./react/useCarImages.d.ts");
  assert.deepEqual(pkg.peerDependencies, { react: ">=18" });
  assert.deepEqual(pkg.peerDependenciesMeta, { react: { optional: true } });
  assert.deepEqual(pkg.files, ["web/", "bundler/", "nodejs/", "react/", "README.md", "CHANGELOG.md"]);
  const targets = (e) => (typeof e === "string" ? [e] : Object.values(e).flatMap(targets));
  for (const target of targets(pkg.exports)) {
    assert.ok(readFileSync(new URL(`../../pkg/${target}`, import.meta.url)).length > 0, target);
  }
  const viaMain = require("../../pkg");
  assert.equal(viaMain.seedFor("CAR-7671f0b6", "front"), 242103);
});

test("the bundler package loads as a bundler links it (ES module integration of the wasm)", () => {
  // Node's ES-module integration of wasm links pkg/bundler the way webpack
  // and Vite do: the wasm's imports resolve against carviews_bg.js's
  // exports, or loading fails.
  const entry = fileURLToPath(new URL("../../pkg/bundler/carviews.js", import.meta.url));
  const script = `const m = await import(${JSON.stringify(entry)});
    const car = { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" };
    console.log(JSON.stringify([m.sessionIdFor(car), m.seedFor("CAR-7671f0b6", "rear"), m.angleTitle("front", "uk"),
      m.renderCarPreview(car, "side").startsWith("<svg"), typeof m.generateCarImages]));`;
  const out = execFileSync(process.execPath, ["--experimental-wasm-modules", "--no-warnings", "--input-type=module", "-e", script], { encoding: "utf8" });
  assert.deepEqual(JSON.parse(out), ["CAR-7671f0b6", 214351, "Вид спереду", true, "function"]);
});
