import { expect, test } from "./test";

test("the shell loads, shows the sandbox backend as healthy, and reaches every section", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/playground$/);
  await expect(page.getByTestId("backend-name")).toHaveText("Sandbox");
  await expect(page.getByRole("status", { name: "Backend status: Connected" })).toBeVisible();

  const nav = page.getByRole("navigation", { name: "Sections" });
  for (const [label, path] of [
    ["Files", "/files"],
    ["Fine-tuning", "/fine-tuning"],
    ["Models", "/models"],
    ["Playground", "/playground"],
  ] as const) {
    await nav.getByRole("link", { name: label }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(nav.getByRole("link", { name: label })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { level: 1, name: label })).toBeVisible();
  }
  await page.screenshot({ path: ".data/screenshots/shell.png", fullPage: true });
});

test("an unknown page says it does not exist", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
});
