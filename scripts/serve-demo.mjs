// Serves the built demo (www/dist) on 127.0.0.1 and prints its URL.
//   node scripts/serve-demo.mjs [--mock] [--port N]
// With --mock it also starts the mock of every service and opens the demo
// pointed at it, so the whole pipeline runs offline.
import { serveRepo } from "../tests/js/static_server.mjs";
import { startMock } from "../tests/mock/server.mjs";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const at = args.indexOf("--port");
const port = Number(at >= 0 ? args[at + 1] : process.env.PORT ?? 5173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error("usage: node scripts/serve-demo.mjs [--mock] [--port N]");
  process.exit(2);
}
const root = fileURLToPath(new URL("../www/dist", import.meta.url));
const site = await serveRepo(root, port);
let url = `${site.url}/`;
if (args.includes("--mock")) {
  const mock = await startMock(Number(process.env.CARVIEWS_MOCK_PORT ?? 8787));
  const base = `http://127.0.0.1:${mock.address().port}/t/demo`;
  await fetch(`${base}/__control/config`, { method: "POST", body: JSON.stringify({ latencyMs: 900 }) });
  url += `?mock=${encodeURIComponent(base)}`;
  console.log(`mock service: ${base} (every image takes 0.9 s)`);
}
console.log(`carviews demo: ${url}`);
