// Lines that must NOT compile: each `@ts-expect-error` fails the check if the
// line below it type-checks, so the typings cannot silently become `any`.
import { angleTitle, generateCarImages, planCarImages, renderCarPreview, seedFor, type GeneratedImage } from "carviews";

// @ts-expect-error: an unknown angle is not an Angle
const a: import("carviews").Angle = "underneath";
// @ts-expect-error: car_data is required
planCarImages({ angles: ["front"] });
// @ts-expect-error: year is a number or a string, not a boolean
planCarImages({ car_data: { brand: "Renault", model: "Clio", year: true } });
// @ts-expect-error: consistency is one of three modes
planCarImages({ car_data: { brand: "Renault", model: "Clio", year: 2019 } }, { consistency: "same" });
// @ts-expect-error: the language is en, uk or ru
angleTitle("front", "de");
// @ts-expect-error: seedFor returns a number
const s: string = seedFor("CAR-7671f0b6", "front");
// @ts-expect-error: renderCarPreview returns a string
const n: number = renderCarPreview({ brand: "Kia", model: "Rio", year: 2015 }, "side");
// @ts-expect-error: generateCarImages returns a promise
const r: import("carviews").CarImagesResponse = generateCarImages({ car_data: { brand: "Kia", model: "Rio", year: 2015 } });
// @ts-expect-error: the provider is dalle, pollinations or preview
const p: GeneratedImage["provider"] = "midjourney";
// @ts-expect-error: pollinations is options or false, not true
generateCarImages({ car_data: { brand: "Kia", model: "Rio", year: 2015 } }, { pollinations: true });
// @ts-expect-error: the proxy needs its URL
generateCarImages({ car_data: { brand: "Kia", model: "Rio", year: 2015 } }, { dalle: { model: "dall-e-3" } });
// @ts-expect-error: onImage receives an image, not a string
generateCarImages({ car_data: { brand: "Kia", model: "Rio", year: 2015 } }, { onImage: (x: string) => x });

// The generated response types are as strict as the Rust enums behind them:
type Res = import("carviews").CarImagesResponse;
// @ts-expect-error: error_code is one of the codes
const code: Res["images"][number]["error_code"] = "oops";
// @ts-expect-error: the anchor was followed via media, gen-url or bytes
const via: NonNullable<Res["debug"]["anchor"]>["via"] = "email";
// @ts-expect-error: only a provider of the chain is tried
const tried: Res["debug"]["providers_tried"][number]["provider"] = "preview";
// @ts-expect-error: an event's stage is one of eleven
const stage: import("carviews").CarViewsEvent["stage"] = "started";
// @ts-expect-error: every image has its blob (or null), not a string
const blob: GeneratedImage["blob"] = "bytes";

export { a, s, n, r, p, code, via, tried, stage, blob };
