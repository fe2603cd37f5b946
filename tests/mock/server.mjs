// The mock of every remote service carviews talks to, on 127.0.0.1 only.
//
//   node tests/mock/server.mjs [port]        (default 8787, or $CARVIEWS_MOCK_PORT)
//
// Speaks Pollinations gen (GET /image/{prompt}, key required; GET
// /image/models), Pollinations legacy (GET /prompt/{prompt}), the
// Pollinations media service (POST /media/upload with a Bearer key, GET
// /media/{id}) and the OpenAI Images API (POST /v1/images/generations and
// /v1/images/edits), with CORS and preflight answers. Image answers are
// small PNGs whose car is painted in the colour the prompt names.
//
// As strict as the real services (shared/PROVIDERS.md, "Second read"): gen's
// reference model downloads its `image=` URL itself, with no credentials —
// a keyed gen URL then fails (401 behind it, so 400 failed_to_download_image)
// unless the tenant says the gateway's cache holds it (`genCache: true`);
// legacy serves flux as sana, ignores `image=` and watermarks every image
// (a strip at the bottom); gen's 402 is a bill (`payment` fault); the edge
// limiter's 429 has no Retry-After (`capRetryAfter: null`).
//
// Every path may start with /t/{tenant}: each tenant has its own faults,
// request log and in-flight count, so tests never disturb each other.
// Control (per tenant):
//   POST /t/{t}/__control/config  {faults: [rule…], cap, capRetryAfter (null: no header), latencyMs, genCache,
//                                  x402 (keyless gen calls get x402's 402 offer instead of a 401; unconfirmed upstream)}
//   POST /t/{t}/__control/reset
//   GET  /t/{t}/__control/log     → [{seq, provider, method, path, prompt, query, auth, body, start, end, status}]
// A fault rule: {provider: "gen"|"legacy"|"openai"|"media"|"files"|"*", match: "substring of the prompt",
//   kind: "latency"|"status"|"queue402"|"payment"|"hang"|"malformed"|"truncated"|"notimage"|"nocors"|"drift"|"large" (openai: a big image),
//   ms, status, retryAfter, colour (for drift: the paint it answers in), times,
//   reason (for payment: "balance" | "key_budget" | "paid_only", gen's 402 codes)}. A rule with `times` applies to that many matching requests.
import { createServer } from "node:http";
import { createSecureServer } from "node:http2";
import { deflateSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";

const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));
const SUMMARIES = fixture("wikipedia_summaries.json");
const FILES = fixture("commons_files.json");
const LOGOS = fixture("wikidata_logos.json");

/** A Commons search answer (formatversion=2) over the fixture files: every word must be in the title. */
function commonsAnswer(search, origin) {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const found = FILES.filter((f) => words.every((w) => f.title.toLowerCase().includes(w)));
  if (found.length === 0) return { batchcomplete: true };
  return {
    batchcomplete: true,
    query: {
      pages: found.map((f, i) => {
        const name = encodeURIComponent(f.title.slice(5).replaceAll(" ", "_"));
        return {
          pageid: 1000 + i, ns: 6, title: f.title, index: i + 1,
          imageinfo: [{
            thumburl: `${origin}/files/${encodeURIComponent(f.title.toLowerCase().includes("octavia") ? "white" : "blue")}.png?photo=${name}`,
            url: `${origin}/files/original.png?photo=${name}`,
            descriptionurl: `https://commons.wikimedia.org/wiki/File:${name}`,
            mime: f.mime, width: f.width, height: f.height,
            extmetadata: { Artist: { value: f.artist }, LicenseShortName: { value: f.license } },
          }],
        };
      }),
    },
  };
}

const COLOURS = [
  ["dark blue", [0x1b, 0x2a, 0x4a]], ["light blue", [0x7f, 0xb2, 0xe0]], ["dark green", [0x1e, 0x3b, 0x2a]],
  ["white", [0xf2, 0xf2, 0xf0]], ["black", [0x11, 0x12, 0x14]], ["silver", [0xb8, 0xbc, 0xc0]],
  ["grey", [0x7d, 0x80, 0x84]], ["graphite", [0x44, 0x47, 0x4b]], ["red", [0xb3, 0x12, 0x1b]],
  ["burgundy", [0x6a, 0x1b, 0x26]], ["blue", [0x1f, 0x4e, 0x9c]], ["green", [0x2e, 0x7d, 0x32]],
  ["yellow", [0xf2, 0xc3, 0x18]], ["orange", [0xe8, 0x68, 0x1c]], ["brown", [0x5c, 0x3a, 0x21]],
  ["beige", [0xd6, 0xc3, 0xa0]], ["gold", [0xc9, 0xa4, 0x41]], ["purple", [0x5b, 0x2c, 0x83]],
  ["pink", [0xe0, 0x7b, 0xa0]], ["bronze", [0x8c, 0x62, 0x39]], ["turquoise", [0x1a, 0xa3, 0xa3]],
];

export function colourOf(prompt) {
  const p = ` ${prompt.toLowerCase()} `;
  let best = null;
  for (const [name, rgb] of COLOURS) {
    const at = p.indexOf(` ${name} `);
    if (at >= 0 && (best === null || at < best.at || (at === best.at && name.length > best.name.length))) {
      best = { at, name, rgb };
    }
  }
  return best ? best.rgb : [0x9a, 0x9e, 0xa3];
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** What the model catalogue (GET /image/models) lists. */
export const MODELS = [
  { name: "flux", description: "Flux Schnell", input_modalities: ["text"], output_modalities: ["image"], paid_only: false },
  { name: "kontext", description: "FLUX.1 Kontext (reference image)", input_modalities: ["text", "image"], output_modalities: ["image"], paid_only: false },
  { name: "gptimage", description: "GPT Image", input_modalities: ["text", "image"], output_modalities: ["image"], paid_only: false },
  { name: "seedream5", description: "Seedream 5", input_modalities: ["text", "image"], output_modalities: ["image"], paid_only: true },
  { name: "zimage", description: "Z-Image Turbo", input_modalities: ["text"], output_modalities: ["image"], paid_only: false },
];
/** Models that take `image=` (the others ignore it). */
const IMAGE_MODELS = new Set(MODELS.filter((m) => m.input_modalities.includes("image")).map((m) => m.name));
/** Rows of legacy's watermark at the bottom of a 48-row image. */
export const WATERMARK_ROWS = 7;

/**
 * A 64×48 PNG: a light studio, a car body in `rgb`, glass and two tyres;
 * with `watermark`, legacy Pollinations' strip across the bottom.
 */
export function carPng(rgb, { watermark = false } = {}) {
  const [w, h] = [64, 48];
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      let c = [236, 238, 241];
      if (y >= 22 && y < 34 && x >= 8 && x < 56) c = rgb;
      if (y >= 15 && y < 22 && x >= 18 && x < 44) c = [40, 50, 62];
      if (y >= 30 && y < 40 && ((x - 18) ** 2 + (y - 34) ** 2 < 30 || (x - 46) ** 2 + (y - 34) ** 2 < 30)) c = [25, 25, 28];
      if (watermark && y >= h - WATERMARK_ROWS) c = (x + y) % 5 ? [226, 24, 120] : [255, 255, 255];
      raw.set(c, y * (w * 3 + 1) + 1 + x * 3);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const tenants = new Map();
// Request times in ms since the tenant was made, from the monotonic clock
// (sub-millisecond, and never stepped by a clock adjustment).
const clock = (t) => performance.now() - t.epoch;
function tenant(name) {
  if (!tenants.has(name)) tenants.set(name, fresh());
  return tenants.get(name);
}
function fresh() {
  return { faults: [], cap: 0, capRetryAfter: 1, latencyMs: 0, genCache: false, x402: false, log: [], inFlight: 0, epoch: performance.now(), hanging: [], codes: new Map(), media: new Map() };
}

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": "authorization, content-type, x-proxy-key",
  "access-control-expose-headers": "retry-after",
  "access-control-max-age": "600",
};

function send(res, status, headers, body, cors = true) {
  res.writeHead(status, { ...(cors ? CORS : {}), ...headers });
  res.end(body);
}
const json = (res, status, obj, extra = {}, cors = true) =>
  send(res, status, { "content-type": "application/json", ...extra }, JSON.stringify(obj), cors);

function takeFault(t, provider, prompt) {
  for (const rule of t.faults) {
    if (rule.provider && rule.provider !== "*" && rule.provider !== provider) continue;
    if (rule.match && !prompt.includes(rule.match)) continue;
    if (rule.times !== undefined) {
      if (rule.times <= 0) continue;
      rule.times--;
    }
    return rule;
  }
  return null;
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Why the reference model could not download `image` (no credentials, like
 * the real backend), or null when it could. Only this mock's own URLs are
 * reachable: a media upload, a Commons file, a legacy image, or a gen image
 * while its tenant says the gateway's cache holds it.
 */
function referenceProblem(image, host) {
  let ref;
  try {
    ref = new URL(image);
  } catch {
    return "not a URL";
  }
  if (!/^https?:$/.test(ref.protocol)) return "not http(s)";
  if (ref.host !== host) return `${ref.host} is not reachable`;
  const m = ref.pathname.match(/^\/t\/([A-Za-z0-9_-]+)(\/.*)$/);
  const [owner, path] = m ? [tenant(m[1]), m[2]] : [tenant("default"), ref.pathname];
  if (path.startsWith("/media/")) return owner.media.has(path.slice(7)) ? null : "404 from the media service";
  if (path.startsWith("/files/") || path.startsWith("/prompt/")) return null;
  if (path.startsWith("/image/")) return owner.genCache ? null : "401 Authentication required (not in the gateway's cache)";
  return "404";
}

async function readRaw(req) {
  const parts = [];
  for await (const p of req) parts.push(p);
  return Buffer.concat(parts);
}
const readBody = async (req) => (await readRaw(req)).toString("utf8");

async function handle(req, res) {
  const url = new URL(req.url, "http://127.0.0.1");
  // HTTP/2 requests carry the host as :authority, not Host.
  const host = req.headers.host ?? req.headers[":authority"];
  let path = url.pathname;
  let name = "default";
  const m = path.match(/^\/t\/([A-Za-z0-9_-]+)(\/.*)$/);
  if (m) [, name, path] = m;
  const t = tenant(name);
  const origin = `http://${host}${m ? `/t/${name}` : ""}`;

  if (req.method === "OPTIONS") return send(res, 204, {}, "");

  // "Sign in with Pollinations" (BYOP): the authorization page answers at
  // once with a redirect carrying a code; the token endpoint checks PKCE.
  if (req.method === "GET" && path === "/authorize") {
    const q = url.searchParams;
    const code = `code_${t.codes.size + 1}`;
    t.codes.set(code, { challenge: q.get("code_challenge"), clientId: q.get("client_id"), redirectUri: q.get("redirect_uri") });
    t.log.push({ seq: t.log.length, provider: "authorize", method: "GET", path, query: Object.fromEntries(q), start: clock(t), status: 302 });
    const back = new URL(q.get("redirect_uri"));
    back.searchParams.set("code", code);
    back.searchParams.set("state", q.get("state") ?? "");
    res.writeHead(302, { location: back.toString() });
    return res.end();
  }
  if (req.method === "POST" && path === "/api/oauth/token") {
    const form = new URLSearchParams(await readBody(req));
    const grant = t.codes.get(form.get("code") ?? "");
    const challenge = createHash("sha256").update(form.get("code_verifier") ?? "").digest("base64url");
    const ok = grant && grant.challenge === challenge && grant.clientId === form.get("client_id") && grant.redirectUri === form.get("redirect_uri");
    t.log.push({ seq: t.log.length, provider: "token", method: "POST", path, query: {}, body: { ok: Boolean(ok), grant_type: form.get("grant_type") }, start: clock(t), status: ok ? 200 : 400 });
    if (!ok) return json(res, 400, { error: "invalid_grant", error_description: "code, verifier, client or redirect URI do not match" });
    t.codes.delete(form.get("code"));
    return json(res, 200, { access_token: `sk_user_${t.log.length}`, token_type: "Bearer", expires_in: 604800 });
  }

  if (path.startsWith("/__control/")) {
    const what = path.slice("/__control/".length);
    if (what === "reset") {
      for (const h of t.hanging) h.destroy();
      tenants.set(name, fresh());
      return json(res, 200, { ok: true });
    }
    if (what === "config" && req.method === "POST") {
      const cfg = JSON.parse((await readBody(req)) || "{}");
      Object.assign(t, {
        faults: cfg.faults ?? [],
        cap: cfg.cap ?? 0,
        capRetryAfter: cfg.capRetryAfter === undefined ? 1 : cfg.capRetryAfter,
        latencyMs: cfg.latencyMs ?? 0,
        genCache: cfg.genCache ?? false,
        x402: cfg.x402 ?? false,
      });
      return json(res, 200, { ok: true });
    }
    if (what === "log") return json(res, 200, t.log);
    return json(res, 404, { error: "unknown control" });
  }

  let provider;
  let prompt = "";
  let body = null;
  if (req.method === "GET" && path === "/image/models") {
    t.log.push({ seq: t.log.length, provider: "models", method: "GET", path, query: {}, auth: req.headers.authorization ?? null, start: clock(t), end: clock(t), status: 200 });
    return json(res, 200, MODELS);
  }
  if (req.method === "GET" && path.startsWith("/image/")) provider = "gen";
  else if (req.method === "POST" && path === "/media/upload") provider = "media";
  else if (req.method === "GET" && path.startsWith("/media/")) provider = "media-get";
  else if (req.method === "GET" && path.startsWith("/prompt/")) provider = "legacy";
  else if (req.method === "POST" && path === "/v1/images/generations") provider = "openai";
  else if (req.method === "POST" && path === "/v1/images/edits") provider = "openai-edit";
  else if (req.method === "GET" && path.startsWith("/files/")) provider = "files";
  else if (req.method === "GET" && path.startsWith("/api/rest_v1/page/summary/")) provider = "wikipedia";
  else if (req.method === "GET" && path === "/w/api.php" && url.searchParams.get("action") === "query") provider = "commons";
  else if (req.method === "GET" && path === "/w/api.php" && url.searchParams.get("action") === "wbgetclaims") provider = "wikidata";
  else return json(res, 404, { error: "not found", path });

  if (provider === "gen" || provider === "legacy") {
    prompt = decodeURIComponent(path.slice(provider === "gen" ? 7 : 8));
  } else if (provider === "openai") {
    const text = await readBody(req);
    try {
      body = JSON.parse(text);
      prompt = String(body.prompt ?? "");
    } catch {
      body = { unparsable: text.slice(0, 200) };
    }
  } else if (provider === "openai-edit") {
    // multipart/form-data, parsed with the platform's own parser.
    const raw = await readRaw(req);
    try {
      const form = await new Response(raw, { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
      const image = form.get("image");
      body = {
        model: form.get("model"), prompt: form.get("prompt"), size: form.get("size"), n: form.get("n"),
        image: image && typeof image === "object" ? { size: image.size, type: image.type, name: image.name } : null,
      };
      prompt = String(body.prompt ?? "");
    } catch (e) {
      body = { unparsable: String(e) };
    }
  } else if (provider === "media") {
    const raw = await readRaw(req);
    try {
      const form = await new Response(raw, { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
      const file = form.get("file");
      body = {
        visibility: form.get("visibility"),
        file: file && typeof file === "object" ? { size: file.size, type: file.type, name: file.name, bytes: Buffer.from(await file.arrayBuffer()) } : null,
      };
    } catch (e) {
      body = { unparsable: String(e), size: raw.length };
    }
  } else if (provider === "media-get") {
    prompt = path.slice("/media/".length);
  } else if (provider === "wikipedia") {
    prompt = decodeURIComponent(path.slice("/api/rest_v1/page/summary/".length));
  } else if (provider === "commons") {
    prompt = url.searchParams.get("gsrsearch") ?? "";
  } else if (provider === "wikidata") {
    prompt = url.searchParams.get("entity") ?? "";
  } else {
    prompt = decodeURIComponent(path.slice(7)).replace(/\.png$/, "");
  }

  const entry = {
    seq: t.log.length,
    provider,
    method: req.method,
    path,
    prompt,
    query: Object.fromEntries(url.searchParams),
    auth: req.headers.authorization ?? null,
    proxyKey: req.headers["x-proxy-key"] ?? null,
    // The log keeps a description of an uploaded file, not its bytes.
    body: body?.file ? { ...body, file: { size: body.file.size, type: body.file.type, name: body.file.name } } : body,
    start: clock(t),
    end: null,
    status: null,
  };
  t.log.push(entry);
  const finish = (status) => {
    entry.status = status;
    entry.end = clock(t);
  };

  t.inFlight++;
  try {
    if (provider !== "files" && provider !== "media-get" && t.cap > 0 && t.inFlight > t.cap) {
      finish(429);
      const extra = t.capRetryAfter === null ? {} : { "retry-after": String(t.capRetryAfter) };
      return json(res, 429, { status: 429, success: false, error: { code: "RATE_LIMITED", message: "Too many requests in flight" } }, extra);
    }
    const fault = takeFault(t, provider, prompt);
    const delay = (fault?.kind === "latency" ? fault.ms : 0) || t.latencyMs;
    if (delay) await sleep(delay);
    if (fault?.kind === "hang") {
      t.hanging.push(res.socket);
      return new Promise(() => {});
    }
    if (fault?.kind === "status") {
      finish(fault.status);
      const extra = fault.retryAfter !== undefined ? { "retry-after": String(fault.retryAfter) } : {};
      return json(res, fault.status, { status: fault.status, success: false, error: { code: `E${fault.status}`, message: fault.message ?? `injected ${fault.status}` } }, extra);
    }
    if (fault?.kind === "queue402") {
      finish(402);
      return json(res, 402, { error: "Payment Required", message: "Queue full for IP 127.0.0.1 (max: 1)", queueInfo: { position: 3 } });
    }
    if (fault?.kind === "payment") {
      // gen's 402 says which money: the account, the key's own budget, or a paid-only model.
      const [code, message] = {
        balance: ["INSUFFICIENT_BALANCE", "Insufficient pollen balance"],
        key_budget: ["KEY_BUDGET_EXHAUSTED", "This key's budget is exhausted"],
        paid_only: ["PAYMENT_REQUIRED", "This model needs paid pollen"],
      }[fault.reason ?? "balance"];
      finish(402);
      return json(res, 402, { status: 402, success: false, error: { code, message } });
    }
    if (provider === "gen" && !entry.auth && !url.searchParams.get("key") && t.x402) {
      finish(402);
      return json(res, 402, { x402Version: 1, error: "Payment required", accepts: [{ scheme: "exact", network: "base", maxAmountRequired: "1000", resource: url.pathname }] });
    }
    if (provider === "gen" && !entry.auth && !url.searchParams.get("key")) {
      finish(401);
      return json(res, 401, { success: false, error: { message: "Authentication required. Get a key at enter.pollinations.ai", code: "UNAUTHORIZED" }, status: 401 });
    }
    if (provider === "media") {
      if (!/^Bearer \S+/.test(entry.auth ?? "")) {
        finish(401);
        return json(res, 401, { error: { message: "Authentication required", code: "UNAUTHORIZED" } });
      }
      const file = body?.file;
      if (!file) {
        finish(400);
        return json(res, 400, { error: { message: "No file: send multipart form-data with a file field" } });
      }
      if (file.size > 10 * 1024 * 1024) {
        finish(413);
        return json(res, 413, { error: { message: "File too large (max 10 MB)" } });
      }
      if (!/^(image|audio|video)\//.test(file.type)) {
        finish(415);
        return json(res, 415, { error: { message: `Unsupported media type: ${file.type}` } });
      }
      const id = createHash("sha256").update(file.bytes).digest("hex").slice(0, 16);
      const duplicate = t.media.has(id);
      t.media.set(id, { bytes: file.bytes, type: file.type });
      const scheme = req.socket.encrypted ? "https" : "http";
      finish(200);
      return json(res, 200, { id, url: `${scheme}://${host}${m ? `/t/${name}` : ""}/media/${id}`, contentType: file.type, size: file.size, duplicate });
    }
    if (provider === "media-get") {
      const item = t.media.get(prompt);
      if (!item) {
        finish(404);
        return json(res, 404, { error: { message: "Not found" } });
      }
      finish(200);
      return send(res, 200, { "content-type": item.type, "cache-control": "public, max-age=31536000, immutable" }, item.bytes);
    }
    if (provider === "gen" && url.searchParams.has("image") && IMAGE_MODELS.has(url.searchParams.get("model") ?? "")) {
      // The reference model downloads the image itself, with no credentials.
      const why = referenceProblem(url.searchParams.get("image"), host);
      if (why) {
        entry.reference = why;
        finish(400);
        return json(res, 400, { status: 400, success: false, error: { code: "failed_to_download_image", message: `Failed to download image: ${why}` } });
      }
      entry.reference = "ok";
    }
    const cors = fault?.kind !== "nocors";
    if (provider === "wikipedia" || provider === "commons" || provider === "wikidata") {
      if (fault?.kind === "malformed") {
        finish(200);
        return send(res, 200, { "content-type": "application/json" }, "{\"query\": ", cors);
      }
      let answer;
      if (provider === "wikipedia") answer = SUMMARIES[prompt];
      else if (provider === "commons") answer = commonsAnswer(prompt, origin);
      else answer = { claims: LOGOS[prompt] ? { P154: [{ mainsnak: { datavalue: { value: LOGOS[prompt], type: "string" } } }] } : {} };
      if (answer === undefined) {
        finish(404);
        return json(res, 404, { type: "https://mediawiki.org/wiki/HyperSwitch/errors/not_found", title: "Not found.", detail: "Page or revision not found." }, {}, cors);
      }
      finish(200);
      return json(res, 200, answer, {}, cors);
    }
    if (provider === "openai-edit") {
      if (!body?.image?.size) {
        finish(400);
        return json(res, 400, { error: { message: "image is required", type: "invalid_request_error", param: "image" } });
      }
      const paint = fault?.kind === "drift" ? colourOf(fault.colour ?? "red") : colourOf(prompt);
      finish(200);
      return json(res, 200, { created: Math.floor(Date.now() / 1000), data: [{ b64_json: carPng(paint).toString("base64") }] }, {}, cors);
    }
    if (provider === "openai") {
      if (fault?.kind === "malformed") {
        finish(200);
        return send(res, 200, { "content-type": "application/json" }, "{\"data\": [", cors);
      }
      const colour = encodeURIComponent(COLOURS.find(([, rgb]) => rgb === colourOf(prompt))?.[0] ?? "grey");
      const wantsB64 = body?.response_format === "b64_json" || /^gpt-?image/.test(String(body?.model ?? ""));
      finish(200);
      // `large`: the image carries a private chunk of `bytes` (it still decodes), as a big photo would weigh.
      const png = fault?.kind === "large" ? largePng(colourOf(prompt), fault.bytes ?? 9_000_000) : carPng(colourOf(prompt));
      const item = wantsB64
        ? { b64_json: png.toString("base64"), revised_prompt: prompt }
        : { url: `${origin}/files/${colour}.png`, revised_prompt: prompt };
      return json(res, 200, { created: Math.floor(Date.now() / 1000), data: [item] }, {}, cors);
    }
    if (fault?.kind === "malformed" || fault?.kind === "truncated") {
      finish(200);
      const png = carPng(colourOf(prompt));
      return send(res, 200, { "content-type": "image/png" }, fault.kind === "truncated" ? png.subarray(0, 40) : Buffer.from("not a png at all"), cors);
    }
    if (fault?.kind === "notimage") {
      finish(200);
      return send(res, 200, { "content-type": "text/html" }, "<html><body>Service page</body></html>", cors);
    }
    finish(200);
    const paint = fault?.kind === "drift" ? colourOf(fault.colour ?? "red") : colourOf(prompt);
    if (provider === "legacy") {
      // Legacy maps flux, zimage and turbo to sana, has no reference model, and watermarks.
      const asked = url.searchParams.get("model") ?? "flux";
      entry.servedBy = ["flux", "zimage", "turbo"].includes(asked) ? "sana" : asked;
    }
    const png = carPng(paint, { watermark: provider === "legacy" });
    return send(res, 200, { "content-type": "image/png", "cache-control": "public, max-age=31536000" }, png, cors);
  } finally {
    t.inFlight--;
  }
}

/** carPng with a private ancillary chunk of `bytes` bytes before IEND (decoders skip it). */
function largePng(rgb, bytes) {
  const png = carPng(rgb);
  const end = png.length - 12;
  return Buffer.concat([png.subarray(0, end), chunk("caRv", Buffer.alloc(bytes, 7)), png.subarray(end)]);
}

/** The test-only key and self-signed certificate (for 127.0.0.1) of the HTTP/2 mock. */
export const TEST_TLS = {
  key: readFileSync(new URL("./tls-key.pem", import.meta.url)),
  cert: readFileSync(new URL("./tls-cert.pem", import.meta.url)),
};

/**
 * Starts the mock on 127.0.0.1: plain HTTP/1.1, or with `{ tls }` HTTP/2 over
 * TLS (HTTP/1.1 still accepted), as the real services speak it — a browser
 * sends every request to one HTTP/2 origin at once, where HTTP/1.1 allows
 * six connections. Tenants are shared by every server of the process.
 */
export function startMock(port = 0, { tls } = {}) {
  const handler = (req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) json(res, 500, { error: String(e) });
    });
  };
  const server = tls ? createSecureServer({ ...tls, allowHTTP1: true }, handler) : createServer(handler);
  if (tls) {
    const sessions = new Set();
    server.on("session", (s) => {
      sessions.add(s);
      s.on("close", () => sessions.delete(s));
    });
    server.closeAllConnections = () => {
      for (const s of sessions) s.destroy();
    };
  }
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? process.env.CARVIEWS_MOCK_PORT ?? 8787);
  const server = await startMock(port);
  console.log(`carviews mock listening on http://127.0.0.1:${server.address().port}`);
  const stop = () => {
    for (const t of tenants.values()) for (const h of t.hanging) h.destroy();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 500).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
