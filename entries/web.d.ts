// carviews/web: the exports of wasm-bindgen's web build; init() rejects with a
// CarViewsError (code "module_unavailable") when the module cannot start.
export * from "./carviews.js";
import init from "./carviews.js";
export default init;
