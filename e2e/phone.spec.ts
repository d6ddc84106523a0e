// A phone (390 × 844): every page fits the screen's width (wide tables scroll inside their own
// box), and the sections are behind a Menu button.
import type { Page } from "@playwright/test";
import { createJob, unique, uploadFile, waitForStatus } from "./fine-tuning-helpers";
import { expect, test } from "./test";

test.use({ viewport: { width: 390, height: 844 }, isMobile: false, hasTouch: true });

/** How wide the page is, measured, once its data has arrived. */
async function pageWidth(page: Page, path: string): Promise<number> {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test("every page fits a 390 px phone without sideways scrolling", async ({ page, request }) => {
  test.setTimeout(120_000);
  // Data that makes the wide pages wide: a file, a finished job with checkpoints, a model.
  const file = await uploadFile(request, `${unique("phone")}-a-rather-long-file-name.jsonl`, 50);
  const job = await createJob(request, {
    model: "mistral-small-latest",
    training_files: [{ file_id: file.id, weight: 1 }],
    hyperparameters: { training_steps: 3 },
    suffix: unique("phone").slice(0, 18),
    auto_start: true,
  });
  const done = await waitForStatus(request, job.id, "SUCCESS");
  const pages = [
    "/",
    "/playground",
    "/playground/fim",
    "/playground/embeddings",
    "/files",
    "/fine-tuning",
    "/fine-tuning/new",
    `/fine-tuning/${job.id}`,
    `/fine-tuning/compare?jobs=${job.id}`,
    "/models",
    `/models/${done.fine_tuned_model}`,
    "/admin/users",
    "/admin/audit",
    "/usage",
    "/settings/tokens",
  ];
  const widths: Record<string, number> = {};
  for (const path of pages) widths[path] = await pageWidth(page, path);
  // All at once, so one failure names every page that is too wide.
  const tooWide = Object.entries(widths).filter(([, w]) => w > 390);
  expect(tooWide, `pages wider than the phone: ${JSON.stringify(tooWide)}`).toEqual([]);
});

test("on a phone the sections are behind a Menu button that opens, closes and navigates", async ({
  page,
}) => {
  await page.goto("/files");
  const nav = page.getByRole("navigation", { name: "Sections" });
  const menu = nav.getByRole("button", { name: /Menu/ });
  const models = nav.getByRole("link", { name: "Models" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(models).toBeHidden();

  // Opens from the keyboard; Escape closes it and gives focus back to the button.
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(models).toBeVisible();
  await expect(nav.getByRole("link", { name: "Files" })).toHaveAttribute("aria-current", "page");
  await page.screenshot({ path: ".data/screenshots/phone-menu-open.png" });
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(models).toBeHidden();
  await expect(menu).toBeFocused();

  // A link goes there and closes the menu.
  await menu.click();
  await models.click();
  await expect(page).toHaveURL(/\/models$/);
  await expect(page.getByRole("heading", { level: 1, name: "Models" })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(models).toBeHidden();
  // The top bar is whole: the backend and the sign-out button are on screen.
  for (const el of [
    page.getByTestId("backend-name"),
    page.getByRole("button", { name: "Sign out" }),
  ]) {
    const box = (await el.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  await page.screenshot({ path: ".data/screenshots/phone-models.png" });
});

test("on a laptop the sections are a sidebar, with no Menu button", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/files");
  const nav = page.getByRole("navigation", { name: "Sections" });
  await expect(nav.getByRole("button", { name: /Menu/ })).toBeHidden();
  await expect(nav.getByRole("link", { name: "Models" })).toBeVisible();
});
