// A long session of a marketplace page: `runs` generations of distinct cars
// (three angles, a key so images display from object URLs, one view drifted
// each run so a regeneration throws an attempt away), counting the page's
// URL.createObjectURL and URL.revokeObjectURL calls. With `release`, each
// response is released by the caller once the next arrives; without, the
// page drops it and a forced garbage collection lets the browser collect it.
// Used by the test (tests/js/marketplace.test.mjs) and the benchmark.

/** Object URLs made and revoked during the session, those still alive after it, and the views regenerated. */
export async function longSession(page, tenant, { runs, release }) {
  await page.evaluate(() => {
    if (window.objectUrls) return;
    const counts = { created: 0, revoked: 0, live: new Set() };
    const create = URL.createObjectURL.bind(URL);
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.createObjectURL = (b) => {
      const u = create(b);
      counts.created++;
      counts.live.add(u);
      return u;
    };
    URL.revokeObjectURL = (u) => {
      if (counts.live.delete(u)) counts.revoked++;
      revoke(u);
    };
    window.objectUrls = counts;
  });
  const snapshot = () => page.evaluate(() => ({ created: window.objectUrls.created, revoked: window.objectUrls.revoked, live: window.objectUrls.live.size }));
  const before = await snapshot();
  const regenerated = await page.evaluate(async ([base, runs, release, tag]) => {
    const m = window.carviews;
    let previous = null;
    let regenerated = 0;
    for (let i = 0; i < runs; i++) {
      const res = await m.generateCarImages(
        { car_data: { brand: "Renault", model: "Clio", year: 2019, color: "blue", body_type: "hatchback" }, angles: ["front", "side", "rear"] },
        { pollinations: { apiKey: "sk_session", baseUrl: base, mediaUrl: `${base}/media` }, search: false, consistency: "shared-seed", variation: `${tag}${i}` },
      );
      regenerated += res.debug.verification.regenerated;
      if (release && previous) m.releaseCarImages(previous);
      previous = release ? res : null;
    }
    if (release && previous) m.releaseCarImages(previous);
    return regenerated;
  }, [tenant.base, runs, release, release ? "r" : "g"]);
  if (!release) {
    // Collected responses are released by the FinalizationRegistry's callbacks, a little later.
    for (let i = 0; i < 5; i++) {
      await page.requestGC();
      await new Promise((ok) => setTimeout(ok, 200));
    }
  }
  const after = await snapshot();
  return { created: after.created - before.created, revoked: after.revoked - before.revoked, live: after.live, regenerated };
}
