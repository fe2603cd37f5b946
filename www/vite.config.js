import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

// The demo imports the web build of carviews (../pkg/web, made by
// scripts/build.sh) and its React hook (../pkg/react), as the package's
// "carviews/web" and "carviews/react" exports would give them.
const pkg = (path) => fileURLToPath(new URL(`../pkg/${path}`, import.meta.url));
export default defineConfig({
  base: "./",
  resolve: {
    // pkg/react imports React as an optional peer: the demo's own copy.
    dedupe: ["react", "react-dom"],
    alias: [
      { find: /^carviews$/, replacement: pkg("web/carviews.js") },
      { find: /^carviews\/react$/, replacement: pkg("react/useCarImages.js") },
    ],
  },
  server: { fs: { allow: [".."] } },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
});
