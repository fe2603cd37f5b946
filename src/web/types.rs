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

/** A licensed reference photo and its attribution. */
export interface Reference {
  url: string;
  page_url: string;
  author: string;
  license: string;
}

/** A progress event. */
export interface CarViewsEvent {
  stage: "start" | "preview" | "cache" | "search" | "throttle" | "retry" | "provider" | "consistency" | "image" | "fallback" | "done";
  level: "info" | "warn";
  message: string;
  angle?: Angle;
  provider?: "dalle" | "pollinations";
  elapsed_ms: number;
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

/** Why a view (or an attempt) got no AI image, for a UI to translate. */
export type CarViewsErrorCode = "no_provider" | "auth_required" | "auth_failed" | "payment_required"
  | "rate_limited" | "content_policy" | "bad_request" | "timeout" | "network" | "server_error"
  | "bad_image" | "aborted";

/** One model of Pollinations' catalogue (pollinationsModels). */
export interface PollinationsModel {
  name: string;
  description: string;
  /** "text", "image", …: an image-input model can be a referenceModel. */
  input_modalities: string[];
  output_modalities: string[];
  paid_only: boolean;
}

/** One image of the response. */
export interface GeneratedImage {
  url: string;
  angle: Angle;
  seed: number;
  session_id: string;
  isMain: boolean;
  prompt: string;
  title: string;
  provider: "dalle" | "pollinations" | "preview" | "photo";
  model: string;
  source_url: string | null;
  fallback: boolean;
  error: string | null;
  /** The reason of a fallback as a code (null when an AI provider delivered). */
  error_code: CarViewsErrorCode | null;
  reference: Reference | null;
  consistency: {
    /** "anchor" (conditioned on the main view), "shared-seed", "per-angle", "preview" or "photo" (the seller's photo). */
    mode: "anchor" | "shared-seed" | "per-angle" | "preview" | "photo";
    dominant_hex: string | null;
    delta_e_requested: number | null;
    delta_e_main: number | null;
    ok: boolean;
    /** False where the pixels could not be checked (Node, verify: false). */
    verified: boolean;
  } | null;
  elapsed_ms: number;
  placeholder: boolean;
  /**
   * The image's bytes to keep (the fetched image, or the preview's SVG); null only where the
   * runtime has no Blob. Its `url` may be an object URL: see releaseCarImages.
   */
  blob: Blob | null;
  /** "{session_id}_{angle}.{ext}", the extension from the bytes' real type (jpg, png, webp, svg). */
  file_name: string;
}

/** What carviews understands, for a form (carVocabulary). `id`s are what the identity uses. */
export interface CarVocabulary {
  brands: { id: string; name: string; aliases: string[]; models: { id: string; name: string }[] }[];
  colours: { id: string; name: string; hex: string }[];
  body_types: { id: string; name: string }[];
  angles: { id: Angle; title: string }[];
}

/** What generateCarImages resolves to: the original endpoint's response and more. */
export interface CarImagesResponse {
  success: boolean;
  session_id: string;
  images: GeneratedImage[];
  total_generated: number;
  debug: {
    requested_angles: Angle[];
    generated_count: number;
    warnings: string[];
    timings_ms: Record<string, number>;
    providers_tried: { angle: Angle; provider: "dalle" | "pollinations"; attempts: number; outcome: string; error_code: CarViewsErrorCode | null }[];
    consistency: "anchor" | "shared-seed" | "per-angle";
    cached: boolean;
    verification: { checked: number; passed: number; regenerated: number; failing: Angle[] };
    search: {
      brand: { title: string; description: string | null; extract: string | null; wikidata_id: string | null; logo_file: string | null } | null;
      emblem_source: "table" | "search" | "none";
      queries: Record<string, string>;
      found: Angle[];
    } | null;
    /** In anchor mode, what the other views followed; null in the other modes. */
    anchor: {
      url: string | null;
      uploaded: boolean;
      via: "media" | "gen-url" | "bytes" | null;
    } | null;
  };
}

/** Every error carviews throws is an Error with these properties. */
export interface CarViewsError extends Error {
  name: "CarViewsError";
  code: "invalid_request" | "auth_failed" | "unavailable" | "internal";
  /** Path of the offending value, e.g. "car_data.year" or "angles[2]". */
  field?: string;
  /** The broken rule, e.g. "missing", "too_long", "unknown_angle". */
  rule?: string;
}
"##;
