// Shrinks one wasm-bindgen output directory after wasm-opt, with no change
// in behaviour:
// 1. the module's imports lose their generated names
//    (`__wbg_call_a410eb4b59ed5965`: 16 hex digits each that gzip cannot
//    compress, once in the wasm and once in the glue) for short ones (`A`,
//    `B`, … `Bz`), renamed in the wasm's import section and in the glue
//    alike;
// 2. with --minify, the glue is minified by terser (its comments are in
//    carviews.d.ts, which is kept as it is).
// Usage: node scripts/shrink-glue.mjs DIR GLUE.js [--minify]
// Fails when the glue does not mention an import it is to rename: a
// wasm-bindgen whose glue looks different must not give a broken package.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const [dir, glueName, ...flags] = process.argv.slice(2);
if (!dir || !glueName) {
  console.error("usage: node scripts/shrink-glue.mjs DIR GLUE.js [--minify]");
  process.exit(2);
}
const wasmPath = join(dir, "carviews_bg.wasm");
const gluePath = join(dir, glueName);

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

/** Writes an unsigned LEB128. */
function uleb(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return out;
}

/** The n-th short name: A…Z, then an upper-case letter and a letter or
 * digit (never a JavaScript keyword: those are all lower case). */
function shortName(n) {
  const first = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const rest = first + "abcdefghijklmnopqrstuvwxyz0123456789";
  if (n < first.length) return first[n];
  n -= first.length;
  if (n >= first.length * rest.length) throw new Error("too many imports to rename");
  return first[Math.floor(n / rest.length)] + rest[n % rest.length];
}

/** Skips an import's description (function, table, memory, global or tag). */
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = () => {
    const [flags, a] = leb(bytes, at);
    at = leb(bytes, a)[1];
    if (flags & 1) at = leb(bytes, at)[1];
  };
  switch (kind) {
    case 0x00: return leb(bytes, at)[1];
    case 0x01: at += 1; limits(); return at;
    case 0x02: limits(); return at;
    case 0x03: return at + 2;
    case 0x04: return leb(bytes, at + 1)[1];
    default: throw new Error(`unknown import kind ${kind} at byte ${at - 1}`);
  }
}

const wasm = readFileSync(wasmPath);
const text = new TextDecoder();
const utf8 = new TextEncoder();
const renames = new Map();
const out = [wasm.subarray(0, 8)];
for (let at = 8; at < wasm.length;) {
  const id = wasm[at];
  const [size, start] = leb(wasm, at + 1);
  let body = wasm.subarray(start, start + size);
  if (id === 2) {
    let p = 0;
    const [count, first] = leb(body, p);
    p = first;
    const rewritten = uleb(count);
    for (let i = 0; i < count; i++) {
      const [moduleLength, m] = leb(body, p);
      const module = body.subarray(m, m + moduleLength);
      const [nameLength, n] = leb(body, m + moduleLength);
      const name = text.decode(body.subarray(n, n + nameLength));
      const end = skipDescription(body, n + nameLength);
      let renamed = name;
      if (name.startsWith("__wbg") || name.startsWith("__wbindgen")) {
        renamed = shortName(renames.size);
        renames.set(name, renamed);
      }
      const encoded = utf8.encode(renamed);
      rewritten.push(...uleb(moduleLength), ...module, ...uleb(encoded.length), ...encoded,
        ...body.subarray(n + nameLength, end));
      p = end;
    }
    body = Uint8Array.from(rewritten);
  }
  out.push(Uint8Array.from([id, ...uleb(body.length)]), body);
  at = start + size;
}

let glue = readFileSync(gluePath, "utf8");
for (const [name, renamed] of renames) {
  const pattern = new RegExp(`(?<![\\w$])${name}(?![\\w$])`, "g");
  if (!pattern.test(glue)) {
    throw new Error(`${gluePath} never mentions the import ${name}: not renaming it`);
  }
  glue = glue.replace(pattern, renamed);
}
if (flags.includes("--minify")) {
  const header = glue.match(/^\/\* @ts-self-types="[^"]*" \*\/\n/)?.[0] ?? "";
  const result = await minify(glue, {
    module: true,
    compress: { passes: 2 },
    mangle: { toplevel: true },
    format: { comments: false },
  });
  glue = header + result.code + "\n";
}
writeFileSync(wasmPath, Buffer.concat(out));
writeFileSync(gluePath, glue);
console.log(`[shrink] ${gluePath}: ${renames.size} imports renamed${flags.includes("--minify") ? ", minified" : ""}`);
