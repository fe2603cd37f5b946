// examples/batch.mjs against the mock: every car, a global limit on requests
// in flight, progress lines, a results file, the images written from their blobs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withMock, maxInFlight } from "./mock_client.mjs";

let mock;
before(async () => (mock = await withMock()));
after(async () => mock.close());

const run = (args) =>
  new Promise((ok, fail) =>
    execFile(process.execPath, ["examples/batch.mjs", ...args], { cwd: new URL("../..", import.meta.url).pathname }, (err, stdout, stderr) =>
      err ? fail(Object.assign(err, { stdout, stderr })) : ok(stdout),
    ),
  );

test("a catalogue is generated with at most N requests in flight", async () => {
  const t = await mock.tenant({ latencyMs: 150 });
  const dir = mkdtempSync(join(tmpdir(), "carviews-batch-"));
  const cars = join(dir, "cars.json");
  writeFileSync(cars, JSON.stringify([
    { car_data: { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" }, angles: ["front", "side", "rear"] },
    { brand: "Шкода", model: "Октавія", year: 2020, color: "сірий", body_type: "універсал" },
    { car_data: { brand: "Toyota", model: "Camry", year: 2018, color: "white", body_type: "sedan" }, angles: ["front_left"] },
    { car_data: { brand: "Kia", model: "Sportage", year: 2021, color: "red", body_type: "suv" }, angles: ["front", "rear"] },
    { car_data: { brand: "", model: "Nothing", year: 2021 } },
  ]));
  const out = join(dir, "results.json");
  const images = join(dir, "images");
  const stdout = await run([cars, "--concurrency", "2", "--out", out, "--out-dir", images, "--base", t.base, "--api", "legacy"]);
  const lines = stdout.trim().split("\n");
  assert.equal(lines.length, 6, stdout);
  assert.match(stdout, /entry 4: invalid \(car_data\.brand: /);
  assert.match(stdout, /CAR-7671f0b6 2019 Renault Clio: 3\/3 AI images/);
  assert.match(lines.at(-1), /^done: 4\/5 cars fully generated/);
  const log = (await t.log()).filter((e) => e.provider === "legacy");
  assert.equal(log.length, 3 + 3 + 1 + 2);
  assert.equal(maxInFlight(log), 2, "the global limit, and no more");
  const results = JSON.parse(readFileSync(out, "utf8"));
  assert.equal(results[0].session_id, "CAR-7671f0b6");
  assert.ok(results[0].images.every((i) => i.provider === "pollinations" && i.url.startsWith(t.base)));
  // Every image written from its blob under its file name, as the bytes it is.
  const written = readdirSync(images).sort();
  assert.equal(written.length, 9);
  assert.deepEqual(written.filter((f) => f.startsWith("CAR-7671f0b6")), ["CAR-7671f0b6_front.png", "CAR-7671f0b6_rear.png", "CAR-7671f0b6_side.png"]);
  assert.deepEqual([...readFileSync(join(images, "CAR-7671f0b6_front.png")).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.equal(results[0].images[0].file, "CAR-7671f0b6_front.png");
});

test("requests in flight are counted at one moment, not as overlaps of one long request", () => {
  // One long request and three short ones after each other beside it: never more than two out together.
  const log = [{ start: 0, end: 10 }, { start: 1, end: 3 }, { start: 4, end: 6 }, { start: 7, end: 9 }];
  assert.equal(maxInFlight(log), 2);
  assert.equal(maxInFlight([{ start: 0, end: 5 }, { start: 5, end: 9 }]), 1, "one ends as the next starts");
  assert.equal(maxInFlight([{ start: 0, end: null }, { start: 3, end: 4 }]), 2, "a request still hanging counts");
});
