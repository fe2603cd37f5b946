// Launches Debian's headless Chromium through playwright-core (which never
// downloads a browser), with the flags that keep it quiet on an offline machine.
import { chromium } from "playwright-core";

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // The HTTP/2 mock's certificate is self-signed (tests/mock/tls-cert.pem).
      "--ignore-certificate-errors",
    ],
  });
}
