// The main job's server: `scripts/serve-demo.mjs --mock` serves the built demo
// and the mock, and prints a URL that works.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";

test("serve-demo --mock prints a URL that serves the demo, pointed at a live mock", async () => {
  const child = spawn(process.execPath, ["scripts/serve-demo.mjs", "--mock", "--port", "0"], {
    cwd: new URL("../..", import.meta.url).pathname,
    env: { ...process.env, CARVIEWS_MOCK_PORT: "0" },
  });
  try {
    const url = await new Promise((ok, fail) => {
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
        const m = out.match(/carviews demo: (\S+)/);
        if (m) ok(m[1]);
      });
      child.on("exit", (code) => fail(new Error(`exited ${code}: ${out}`)));
    });
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<div id="root">/);
    const mock = decodeURIComponent(new URL(url).searchParams.get("mock"));
    const log = await fetch(`${mock}/__control/log`);
    assert.equal(log.status, 200);
  } finally {
    child.kill();
  }
});
