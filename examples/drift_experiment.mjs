// How well the colour check catches a drifted view, against the mock:
// N runs with one view of a random car answered in another random paint
// (detected? fixed by the regeneration?) and N clean runs (false alarms?).
//   node examples/drift_experiment.mjs [N]     (needs pkg/web: scripts/build.sh)
import { openCarviewsPage } from "../tests/js/carviews_page.mjs";

const N = Number(process.argv[2] ?? 50);
const PAINTS = ["white", "black", "silver", "grey", "graphite", "red", "burgundy", "blue", "dark blue", "light blue",
  "green", "dark green", "yellow", "orange", "brown", "beige", "gold", "purple", "pink", "bronze", "turquoise"];
const ANGLES = ["front", "front_left", "side", "rear"];
const PHRASE = { front: "front view", front_left: "front three-quarter view from the left", side: "side profile", rear: "rear view" };

let state = 20261127;
const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];

const { page, mock, close } = await openCarviewsPage();

const tally = { drifted: 0, detected: 0, fixed: 0, missed: [], clean: 0, falseAlarms: 0, alarms: [] };
for (let run = 0; run < 2 * N; run++) {
  const clean = run >= N;
  const paint = pick(PAINTS);
  let drift = pick(PAINTS);
  while (drift === paint) drift = pick(PAINTS);
  const angle = pick(ANGLES);
  const t = await mock.tenant({
    faults: clean ? [] : [{ provider: "legacy", match: PHRASE[angle], kind: "drift", colour: drift, times: 1 }],
  });
  const request = { car_data: { brand: "Renault", model: "Clio", year: 2019, color: paint, body_type: "hatchback" }, angles: ANGLES };
  const options = { pollinations: { api: "legacy", baseUrl: t.base }, search: false, cache: false, variation: run };
  const res = await page.evaluate(([r, o]) => window.carviews.generateCarImages(r, o), [request, options]);
  const events = res.debug.verification;
  if (clean) {
    tally.clean++;
    if (events.regenerated > 0 || events.failing.length > 0) {
      tally.falseAlarms++;
      tally.alarms.push(`${paint}: ${JSON.stringify(res.images.map((i) => [i.angle, i.consistency.dominant_hex, i.consistency.delta_e_requested]))}`);
    }
  } else {
    tally.drifted++;
    const attempts = (await t.log()).filter((e) => e.prompt.includes(PHRASE[angle])).length;
    if (attempts > 1) tally.detected++;
    else tally.missed.push(`${paint} drifted to ${drift} (${angle})`);
    const image = res.images.find((i) => i.angle === angle);
    if (attempts > 1 && image.consistency.ok && image.consistency.delta_e_requested < 10) tally.fixed++;
  }
}
console.log(`drifted runs: ${tally.drifted}, detected: ${tally.detected}, fixed: ${tally.fixed}`);
console.log(`clean runs: ${tally.clean}, false alarms: ${tally.falseAlarms}`);
if (tally.missed.length) console.log(`missed: ${tally.missed.join("; ")}`);
if (tally.alarms.length) console.log(`alarms: ${tally.alarms.join("; ")}`);
await close();
