// The journeys' `test`: its `request` fixture acts as the page's own scripts do, with the page's
// cookies and Origin (a signed-in console refuses cookie-authenticated writes without an Origin).
// The Origin is not forced on the browser context: Chromium fails every request whose forced
// Origin is not the page's own (net::ERR_INVALID_ARGUMENT), such as those to another port.
import { expect, test as base, type Locator } from "@playwright/test";

export { expect };

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

/**
 * Sets `files` on a file input once React has hydrated it: a change fired on the server-rendered
 * input before then is lost (no file is queued), which made a test fail under load.
 */
export async function chooseFiles(
  input: Locator,
  files: Parameters<Locator["setInputFiles"]>[0],
): Promise<void> {
  await expect
    .poll(() => input.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps"))))
    .toBe(true);
  await input.setInputFiles(files);
}
