//! TypeScript declarations of the values the exports take, so the `.d.ts`
//! is precise rather than `any`. What they return is generated from the
//! Rust types (tsify); this section adds what no generator can say: the
//! options (read by the guarded reader, not serde yet), `… | false`,
//! callbacks, `CarViewsError extends Error`, the `blob` the shell sets on
//! each image, and the names the API has always used for three types.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r##"
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
  consistency?: Consistency;
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

/** options.pollinations (or false to skip Pollinations). */
export interface PollinationsOptions {
  /** The user's key (sk_… from "Sign in with Pollinations", or typed in); sent only as a Bearer header. */
  apiKey?: string;
  /** Default "https://gen.pollinations.ai" (gen) or "https://image.pollinations.ai" (legacy). */
  baseUrl?: string;
  /**
   * Default "https://media.pollinations.ai": in anchor mode the main view is uploaded here
   * (with the key) so the reference model can fetch it by a public URL.
   */
  mediaUrl?: string;
  /** "gen" (default, key required) or "legacy" (deprecated upstream: always watermarked, flux served by sana, no reference model). */
  api?: "gen" | "legacy";
  /** Default "flux". */
  model?: string;
  /** Default "kontext"; must take an image (refused once pollinationsModels() says it does not). */
  referenceModel?: string;
  /** Default 1024. */
  width?: number;
  /** Default 768. */
  height?: number;
}

/** options.dalle: an OpenAI-Images-compatible proxy that adds the key server-side. */
export interface DalleOptions {
  /** https:, or http: on a loopback host. */
  proxyUrl: string;
  /** Default "dall-e-3". */
  model?: string;
  /** Default "1792x1024" (dall-e-3) or "1536x1024". */
  size?: string;
  quality?: string;
  /** Extra headers for the proxy (never logged). */
  headers?: Record<string, string>;
}

/** options.search. */
export interface SearchOptions {
  /** Default true. */
  enabled?: boolean;
  /** Default "https://en.wikipedia.org". */
  wikipediaUrl?: string;
  /** Default "https://commons.wikimedia.org". */
  commonsUrl?: string;
  /** Default "https://www.wikidata.org". */
  wikidataUrl?: string;
  /** Per request, default 4000: nothing waits on the search longer. */
  timeoutMs?: number;
  /** Condition the main view on its reference photo (default false: that makes a derivative of a licensed photo). */
  referenceConditioning?: boolean;
}

/** Options of generateCarImages. */
export interface GenerateOptions extends PlanOptions {
  pollinations?: PollinationsOptions | false;
  dalle?: DalleOptions;
  /** Instant offline previews before the AI images (default true). */
  preview?: boolean;
  /** Most requests in flight per provider (default: all angles; lowered to 1 when a provider queues). */
  concurrency?: number;
  /** Per-request timeout, default 60000. */
  timeoutMs?: number;
  /** Retries per provider, default 2. */
  retries?: number;
  verify?: boolean;
  /** Reuse the response of an identical earlier request (default true). */
  cache?: boolean;
  /** Brand facts and reference photos from Wikipedia, Wikidata and Commons (on by default), or false. */
  search?: SearchOptions | false;
  signal?: AbortSignal;
  /** Each image as it settles: previews first (placeholder: true), then one final image per angle. */
  onImage?: (image: GeneratedImage) => void;
  onEvent?: (event: CarViewsEvent) => void;
  /**
   * The seller's own photo as the main view: it is not generated, it leads the response
   * (provider "photo"), and every other view is conditioned on it. Prepared in the browser first
   * (EXIF orientation applied, long side ≤ 1536 px, re-encoded as JPEG: every EXIF field, GPS
   * included, is dropped). Uploaded to Pollinations' media service only with `upload: true`;
   * without it only the DALL-E proxy (the team's own server) gets it.
   */
  referencePhoto?: { image: Blob | File | string; angle: Angle | string; upload?: boolean };
}

/** The names of the generated types that the API has always used. */
export type CarViewsErrorCode = ErrorCode;
export type PollinationsModel = ModelInfo;
export type CarVocabulary = Vocabulary;

/** Beside the generated fields, every image carries its bytes, set by the shell. */
export interface GeneratedImage {
  /**
   * The image's bytes to keep (the fetched image, or the preview's SVG); null only where the
   * runtime has no Blob. Its `url` may be an object URL: see releaseCarImages.
   */
  blob: Blob | null;
}

/** Every error carviews throws is an Error with these properties. */
export interface CarViewsError extends Error {
  name: "CarViewsError";
  code: "invalid_request" | "auth_failed" | "unavailable" | "module_unavailable" | "internal";
  /** Path of the offending value, e.g. "car_data.year" or "angles[2]". */
  field?: string;
  /** The broken rule, e.g. "missing", "too_long", "unknown_angle". */
  rule?: string;
}
"##;
