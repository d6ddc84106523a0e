// The Agents page: create, edit and delete an agent (GET/POST/PATCH/DELETE /v1/agents), and the
// agent answering in the playground, picked from the agents the API lists.
import { expect, test } from "./test";

test("an agent created on the Agents page answers in the playground", async ({ page }) => {
  const name = `Trip planner ${Date.now()}`;
  await page.goto("/agents");
  await expect(page.getByRole("heading", { level: 1, name: "Agents" })).toBeVisible();

  await page.getByRole("button", { name: "New agent" }).click();
  const dialog = page.getByRole("dialog", { name: "New agent" });
  await dialog.getByRole("button", { name: "Create agent" }).click();
  await expect(dialog.getByText("Give the agent a name")).toBeVisible();
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Instructions").fill("Plan trips in three steps.");
  const model = dialog.getByRole("combobox", { name: "Model" });
  // Only chat models are offered.
  await expect(model.locator("option[value='mistral-embed']")).toHaveCount(0);
  await model.selectOption("mistral-large-latest");
  await dialog.getByRole("checkbox", { name: "Web search", exact: true }).check();
  await dialog.getByLabel("Function tools (JSON)").fill("[{ oops");
  await dialog.getByRole("button", { name: "Create agent" }).click();
  await expect(dialog.getByText("Not valid JSON")).toBeVisible();
  await dialog
    .getByLabel("Function tools (JSON)")
    .fill('[{"type": "function", "function": {"name": "get_weather", "parameters": {}}}]');
  await dialog.getByRole("button", { name: "Create agent" }).click();
  await expect(dialog).toHaveCount(0);

  const table = page.getByRole("table", { name: "Agents" });
  const row = table.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("mistral-large-latest");
  await expect(row).toContainText("Web search, get_weather");

  await row.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${name}` });
  await expect(edit.getByLabel("Instructions")).toHaveValue("Plan trips in three steps.");
  await expect(edit.getByRole("combobox", { name: "Model" })).toHaveValue("mistral-large-latest");
  await edit.getByLabel("Description").fill("plans trips");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toHaveCount(0);
  await expect(row.getByRole("cell").nth(2)).toHaveText("1"); // version 0, then 1
  await page.screenshot({ path: ".data/screenshots/agents.png", fullPage: true });

  await row.getByRole("link", { name: `Open ${name} in playground` }).click();
  await expect(page).toHaveURL(/\/playground\?agent=ag_/);
  const agentId = new URL(page.url()).searchParams.get("agent")!;
  await expect(page.getByRole("radio", { name: "Agent" })).toBeChecked();
  const picker = page.getByRole("combobox", { name: "Agent" });
  await expect(picker).toHaveValue(agentId);
  await expect(picker.locator("option:checked")).toHaveText(`${name} · mistral-large-latest`);

  const request = page.waitForRequest("**/v1/agents/completions");
  await page.getByLabel("Message", { exact: true }).fill("Plan a day in Lyon");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  expect((await request).postDataJSON()).toMatchObject({ agent_id: agentId });
  const answer = page.getByRole("listitem", { name: /^Assistant message/ }).last();
  await expect(answer).toContainText(`[sandbox] ${name} here`, { timeout: 30_000 });
  await page.screenshot({ path: ".data/screenshots/playground-agent-picker.png", fullPage: true });

  await page.goto("/agents");
  await row.getByRole("button", { name: `Delete ${name}` }).click();
  await page.getByRole("button", { name: "Delete agent" }).click();
  await expect(row).toHaveCount(0);
});
