// A headless Chromium page with the release web build loaded as
// `window.carviews`, beside the static server and the mock service; for the
// tests, the benchmarks and the experiments. Requests off 127.0.0.1 are refused.
import { serveRepo } from "./static_server.mjs";
import { launchChromium } from "./chromium.mjs";
import { withMock } from "./mock_client.mjs";

export async function openCarviewsPage() {
  const server = await serveRepo();
  const mock = await withMock();
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
