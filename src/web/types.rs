//! TypeScript declarations of the values the exports take and return, so
//! the generated `.d.ts` is precise rather than `any`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r##"
/** A canonical camera angle. `side` is the left profile. */
export type Angle = "front" | "front_left" | "front_right" | "side" | "side_right"
  | "rear" | "rear_left" | "rear_right" | "top" | "interior";

/** A language for titles. */
export type Language = "en" | "uk" | "ru";

/** The car, as the original endpoint took it. Words may be English, Ukrainian or Russian. */
export interface CarData {
  brand: string;
  model: string;
  /** An integer in 1886…(current year + 2); a string of digits is accepted. */
  year: number | string;
  color?: string | null;
  body_type?: string | null;
}

/** The original endpoint's request body. */
export interface CarImagesRequest {
  car_data: CarData;
  /** Angle names or aliases; default ["front", "side", "rear"]. */
  angles?: (Angle | string)[] | null;
  /** Accepted and ignored, for compatibility. */
  use_mock_algorithm?: boolean;
}

/** The options the plan depends on (generateCarImages takes these and more). */
export interface PlanOptions {
  variation?: string | number;
  language?: Language;
  consistency?: "anchor" | "shared-seed" | "per-angle";
}

/** One view of a plan. */
export interface PlannedImage {
  angle: Angle;
  title: string;
  seed: number;
  prompt: string;
  negative_prompt: string;
  isMain: boolean;
}

/** What planCarImages returns. */
export interface CarImagesPlan {
  session_id: string;
  car: { brand: string; model: string; year: number; color: string; body_type: string };
  consistency: "anchor" | "shared-seed" | "per-angle";
  images: PlannedImage[];
  warnings: string[];
}

/** Options of renderCarPreview. */
export interface PreviewOptions {
  /** Pixels, 16…4096; default 1024. */
  width?: number;
  /** Pixels, 16…4096; default 768. */
  height?: number;
  /** "studio" (default), "transparent", or a CSS colour such as "#f0f0f0". */
  background?: "studio" | "transparent" | string;
  /** Language of the caption and title; default "en". */
  language?: Language;
  /** Write the car and the view under the drawing; default true. */
  caption?: boolean;
}

/** Every error carviews throws is an Error with these properties. */
export interface CarViewsError extends Error {
  name: "CarViewsError";
  code: "invalid_request" | "internal";
  /** Path of the offending value, e.g. "car_data.year" or "angles[2]". */
  field?: string;
  /** The broken rule, e.g. "missing", "too_long", "unknown_angle". */
  rule?: string;
}
"##;
