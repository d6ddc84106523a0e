// Small things a first-time team noticed: the icon, a bad job link, the models table on a laptop.
import { expect, test } from "./test";

test("the console has an icon: /favicon.ico and the linked icons answer 200", async ({
  page,
  request,
}) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toContain("image/");
  await page.goto("/files");
  const links = page.locator('link[rel="icon"], link[rel="apple-touch-icon"]');
  expect(await links.count()).toBeGreaterThan(0);
  for (const href of await links.evaluateAll((els) => els.map((e) => e.getAttribute("href")!))) {
    const res = await request.get(href);
    expect(res.status(), href).toBe(200);
  }
});

test("a malformed job URL says No such job, with a link back to the jobs", async ({ page }) => {
  await page.goto("/fine-tuning/not-a-job");
  await expect(page.getByText("No such job")).toBeVisible();
  await expect(page.getByText(/No API operation/)).toHaveCount(0);
  await page.screenshot({ path: ".data/screenshots/job-not-found.png" });
  await page.getByRole("link", { name: "Back to the jobs" }).click();
  await expect(page).toHaveURL(/\/fine-tuning$/);
  await expect(page.getByRole("heading", { level: 1, name: "Fine-tuning" })).toBeVisible();
});

test("an unknown job id says No such job too", async ({ page }) => {
  await page.goto("/fine-tuning/00000000-0000-4000-8000-000000000000");
  await expect(page.getByText("No such job")).toBeVisible();
});

test("the models table fits a 1440 px laptop, one row per model", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/models?kind=base");
  const scroller = page.getByTestId("models-scroller");
  await expect(page.getByRole("table", { name: "Models" })).toBeVisible();
  const { scrollWidth, clientWidth } = await scroller.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  // The sandbox's aliases are in their model's row, not rows of their own.
  const ids = await page
    .getByRole("table", { name: "Models" })
    .locator("tbody td:nth-child(1) a, tbody td:nth-child(2) a")
    .allTextContents();
  expect(ids).not.toContain("mistral-large-latest");
  expect(ids).toContain("mistral-large-2512");
  await expect(page.getByRole("list", { name: "Aliases of mistral-large-2512" })).toContainText(
    "mistral-large-latest",
  );
  await page.screenshot({ path: ".data/screenshots/models-1440.png" });
});
