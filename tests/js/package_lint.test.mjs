// The package as the ecosystem's own tools see it: publint --strict and
// arethetypeswrong (every resolution mode; only `cjs-resolves-to-esm` is
// ignored, for the subpaths that are ESM by design: web, react) on the
// packed tarball, and every entry point loaded by Node with module
// detection off, so each file must be what its package.json says it is.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const bin = (name) => join(root, "node_modules/.bin", name);
const say = (label, text) => console.log(text.trim().split("\n").map((l) => `# ${label}: ${l}`).join("\n"));

test("publint --strict and arethetypeswrong find no problem in the packed package", () => {
  const dir = mkdtempSync(join(tmpdir(), "carviews-lint-"));
  try {
    const packed = execFileSync("npm", ["pack", "--pack-destination", dir, "--silent"], { cwd: join(root, "pkg"), encoding: "utf8" });
    const tarball = join(dir, packed.trim().split("\n").pop());
    // Both exit non-zero on a problem, which fails the test here.
    const publint = execFileSync(bin("publint"), ["--strict", tarball], { encoding: "utf8" });
    say("publint", publint);
    assert.doesNotMatch(publint, /Errors:|Warnings:/);
    const attw = execFileSync(bin("attw"), [tarball, "--ignore-rules", "cjs-resolves-to-esm", "--format", "ascii"], { encoding: "utf8" });
    say("attw", attw);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("every entry point loads under Node as what it declares, with module detection off", () => {
  const dir = mkdtempSync(join(tmpdir(), "carviews-node-"));
  try {
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(join(root, "pkg"), join(dir, "node_modules/carviews"), "dir");
    symlinkSync(join(root, "www/node_modules/react"), join(dir, "node_modules/react"), "dir");
    const node = (type, code) =>
      execFileSync(process.execPath, ["--no-experimental-detect-module", "--preserve-symlinks", `--input-type=${type}`, "-e", code], { cwd: dir, encoding: "utf8" }).trim();
    const car = `{ brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" }`;
    assert.equal(node("commonjs", `console.log(require("carviews").sessionIdFor(${car}))`), "CAR-7671f0b6");
    assert.equal(node("module", `import { sessionIdFor } from "carviews"; console.log(sessionIdFor(${car}))`), "CAR-7671f0b6");
    assert.equal(node("module", `import { sessionIdFor } from "carviews/nodejs"; console.log(sessionIdFor(${car}))`), "CAR-7671f0b6");
    assert.equal(node("module", `import init from "carviews/web"; console.log(typeof init)`), "function");
    assert.equal(node("module", `import { useCarImages } from "carviews/react"; console.log(typeof useCarImages)`), "function");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
