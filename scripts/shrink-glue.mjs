// Shrinks one wasm-bindgen output directory after wasm-opt, with no change
// in behaviour:
// 1. the module's imports lose their generated names
//    (`__wbg_call_a410eb4b59ed5965`: 16 hex digits each that gzip cannot
//    compress, once in the wasm and once in the glue) for short ones (`A`,
//    `B`, … `Bz`), renamed in the wasm's import section and in the glue
//    alike;
// 2. with --minify (the package for the browser, whose glue is one file),
//    wasm-bindgen's internal exports get short names too (in the wasm, the
//    glue and the .d.ts files), and the glue is minified by terser (its
//    comments are in carviews.d.ts).
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

const minifying = flags.includes("--minify");
const wasm = readFileSync(wasmPath);
const text = new TextDecoder();
const utf8 = new TextEncoder();
const renames = new Map();
const exportRenames = new Map();

/** An import (`imports`) or export section with each entry's name passed
 * through `rename`; everything else in the entries stays as it was. */
function renameSection(body, imports, rename) {
  const [count, first] = leb(body, 0);
  const rewritten = uleb(count);
  for (let i = 0, p = first; i < count; i++) {
    const start = p;
    if (imports) {
      const [moduleLength, m] = leb(body, p);
      p = m + moduleLength; // the module name is kept
    }
    const [nameLength, n] = leb(body, p);
    const name = text.decode(body.subarray(n, n + nameLength));
    const end = imports ? skipDescription(body, n + nameLength) : leb(body, n + nameLength + 1)[1];
    const encoded = utf8.encode(rename(name));
    rewritten.push(...body.subarray(start, p), ...uleb(encoded.length), ...encoded,
      ...body.subarray(n + nameLength, end));
    p = end;
  }
  return Uint8Array.from(rewritten);
}

/** Every generated import name made short (`A`, `B`, …). */
function renameImport(name) {
  if (!name.startsWith("__wbg") && !name.startsWith("__wbindgen")) return name;
  const renamed = shortName(renames.size);
  renames.set(name, renamed);
  return renamed;
}

/** wasm-bindgen's internal exports (`__wbindgen_malloc`, the closure
 * trampolines with their 200-character names) that the glue calls renamed
 * `_0`, `_1`, …; `memory`, the API's functions and exports the glue never
 * calls keep their names. */
function renameExport(name) {
  const internal = name.startsWith("__") || name.startsWith("wasm_bindgen_");
  if (!internal || !identifier(name).test(originalGlue)) return name;
  const renamed = `_${exportRenames.size.toString(36)}`;
  exportRenames.set(name, renamed);
  return renamed;
}

const originalGlue = readFileSync(gluePath, "utf8");
const out = [wasm.subarray(0, 8)];
for (let at = 8; at < wasm.length;) {
  const id = wasm[at];
  const [size, start] = leb(wasm, at + 1);
  let body = wasm.subarray(start, start + size);
  if (id === 2) body = renameSection(body, true, renameImport);
  if (id === 7 && minifying) body = renameSection(body, false, renameExport);
  out.push(Uint8Array.from([id, ...uleb(body.length)]), body);
  at = start + size;
}

/** A pattern matching `name` as a whole identifier. */
function identifier(name, flags) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, flags);
}

/** `text` with every `from` name (a whole identifier) replaced by its new name. */
function replaceNames(path, text, names, what, required) {
  for (const [name, renamed] of names) {
    const pattern = identifier(name, "g");
    if (required && !pattern.test(text)) {
      throw new Error(`${path} never mentions the ${what} ${name}: not renaming it`);
    }
    text = text.replace(pattern, renamed);
  }
  return text;
}

let glue = originalGlue;
glue = replaceNames(gluePath, glue, renames, "import", true);
if (minifying) {
  glue = replaceNames(gluePath, glue, exportRenames, "export", true);
  // The types of init()'s result and of the raw module name the exports as they are now.
  for (const name of ["carviews.d.ts", "carviews_bg.wasm.d.ts"]) {
    const path = join(dir, name);
    writeFileSync(path, replaceNames(path, readFileSync(path, "utf8"), exportRenames, "export", false));
  }
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
console.log(`[shrink] ${gluePath}: ${renames.size} imports renamed` +
  (minifying ? `, ${exportRenames.size} internal exports renamed, minified` : ""));
