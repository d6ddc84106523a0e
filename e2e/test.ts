// The journeys' `test`: its `request` fixture acts as the page's own scripts do, with the page's
// cookies and Origin (a signed-in console refuses cookie-authenticated writes without an Origin).
// The Origin is not forced on the browser context: Chromium fails every request whose forced
// Origin is not the page's own (net::ERR_INVALID_ARGUMENT), such as those to another port.
import { test as base } from "@playwright/test";

export { expect } from "@playwright/test";

export const test = base.extend({
  request: async ({ playwright, baseURL, storageState }, provide) => {
    const request = await playwright.request.newContext({
      baseURL,
      storageState,
      extraHTTPHeaders: baseURL ? { origin: baseURL } : {},
    });
    await provide(request);
    await request.dispose();
  },
});
