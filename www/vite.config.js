import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

// The demo imports the web build of carviews (../pkg/web, made by scripts/build.sh).
export default defineConfig({
  base: "./",
  resolve: {
    alias: { carviews: fileURLToPath(new URL("../pkg/web/carviews.js", import.meta.url)) },
  },
  server: { fs: { allow: [".."] } },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
});
