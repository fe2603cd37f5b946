// A headless Chromium page with the release web build loaded as
// `window.carviews`, beside the static server and the mock service; for the
// tests, the benchmarks and the experiments. Requests off 127.0.0.1 are refused.
import { serveRepo } from "./static_server.mjs";
import { launchChromium } from "./chromium.mjs";
import { withMock } from "./mock_client.mjs";

/** `{ http2: true }`: the mock also speaks HTTP/2 (tenants get an `h2base`). */
export async function openCarviewsPage({ http2 = false } = {}) {
  const server = await serveRepo();
  const mock = await withMock({ http2 });
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.route(/^(?!https?:\/\/127\.0\.0\.1[:/])(?!data:|blob:)/, (route) => route.abort());
  await page.goto(`${server.url}/tests/js/blank.html`);
  await page.evaluate(async () => {
    const m = await import("/pkg/web/carviews.js");
    await m.default();
    window.carviews = m;
  });
  const close = async () => {
    await browser.close();
    await mock.close();
    await server.close();
  };
  return { page, mock, close };
}
