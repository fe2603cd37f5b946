// carviews/web: wasm-bindgen's build for a plain page, with one difference:
// init() rejects with a CarViewsError (code "module_unavailable") when the
// WebAssembly module cannot start — most often a Content-Security-Policy
// whose script-src lacks 'wasm-unsafe-eval' — instead of the engine's bare
// CompileError, so a page can tell the user and keep working.
import init from "./carviews.js";

export * from "./carviews.js";

/** Starts the module (once); rejects with a CarViewsError if it cannot start. */
export default async function initCarviews(...args) {
  try {
    return await init(...args);
  } catch (cause) {
    const error = new Error(
      `carviews could not start its WebAssembly module (${cause?.message ?? cause}); ` +
        "under a Content-Security-Policy, script-src needs 'wasm-unsafe-eval'",
      { cause },
    );
    error.name = "CarViewsError";
    error.code = "module_unavailable";
    throw error;
  }
}
