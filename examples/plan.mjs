// Prints the offline plan of a car with the Node build of carviews:
//   node examples/plan.mjs [BRAND MODEL YEAR [COLOUR] [BODY_TYPE] [ANGLE...]]
// Words may be English, Ukrainian or Russian. Needs pkg/nodejs (scripts/build.sh).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { planCarImages } = require("../pkg/nodejs/carviews.js");

const [brand = "Renault", model = "Clio", year = "2019", color = "blue", body_type = "hatchback", ...angles] =
  process.argv.slice(2);
const request = { car_data: { brand, model, year, color, body_type } };
if (angles.length > 0) request.angles = angles;

try {
  console.log(JSON.stringify(planCarImages(request), null, 2));
} catch (err) {
  console.error(`${err.code} (${err.field}): ${err.message}`);
  process.exit(2);
}
