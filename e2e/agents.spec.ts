// The Agents page: create, edit and delete an agent (GET/POST/PATCH/DELETE /v1/agents), its
// versions (GET …/versions, PATCH …/version), and the agent answering in the playground (through
// the conversations API), picked from the agents the API lists, at a pinned version.
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

  const request = page.waitForRequest(
    (r) => r.method() === "POST" && new URL(r.url()).pathname === "/v1/conversations",
  );
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

test("an agent's versions: switch the active version, the playground pins one", async ({
  page,
  request,
}) => {
  const base = `Versioned ${Date.now()}`;
  const created = await request.post("/v1/agents", {
    data: { model: "mistral-small-latest", name: `${base} one`, instructions: "First." },
  });
  const agent = (await created.json()) as { id: string };
  const edited = await request.patch(`/v1/agents/${agent.id}`, {
    data: { name: `${base} two`, instructions: "Second.", model: "open-mistral-nemo" },
  });
  expect(edited.ok()).toBe(true);

  await page.goto("/agents");
  const row = page
    .getByRole("table", { name: "Agents" })
    .getByRole("row")
    .filter({ hasText: base });
  await expect(row).toContainText(`${base} two`);
  await row.getByRole("button", { name: `Versions of ${base} two` }).click();
  const dialog = page.getByRole("dialog", { name: `Versions of ${base} two` });
  const versions = dialog.getByRole("table", { name: `Versions of ${base} two` });
  const rows = versions.getByRole("row");
  await expect(rows).toHaveCount(3); // the header and versions 1, 0, newest first
  await expect(rows.nth(1)).toContainText("1Current");
  await expect(rows.nth(1)).toContainText("open-mistral-nemo");
  await expect(rows.nth(2)).toContainText("mistral-small-latest");
  await expect(rows.nth(1).getByRole("button", { name: "Make version 1 current" })).toHaveCount(0);
  await page.screenshot({ path: ".data/screenshots/agent-versions.png", fullPage: true });

  await rows.nth(2).getByRole("button", { name: "Make version 0 current" }).click();
  const confirm = page.getByRole("dialog", { name: "Make version 0 current?" });
  // Cancel changes nothing.
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(rows.nth(1)).toContainText("Current");
  await rows.nth(2).getByRole("button", { name: "Make version 0 current" }).click();
  await confirm.getByRole("button", { name: "Make current" }).click();
  await expect(page.getByText(`${base} two now runs version 0`)).toBeVisible();
  await expect(rows.nth(2)).toContainText("0Current");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText(`${base} one`);
  await expect(row.getByRole("cell").nth(2)).toHaveText("0");

  // The playground runs the current version (0) unless a version is pinned.
  await row.getByRole("link", { name: `Open ${base} one in playground` }).click();
  const version = page.getByRole("combobox", { name: "Version", exact: true });
  await expect(version.locator("option:checked")).toHaveText("Current (version 0)");
  await version.selectOption("1");
  const started = page.waitForRequest(
    (r) => r.method() === "POST" && new URL(r.url()).pathname === "/v1/conversations",
  );
  await page.getByLabel("Message", { exact: true }).fill("Who are you?");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  expect((await started).postDataJSON()).toMatchObject({ agent_id: agent.id, agent_version: 1 });
  const answer = page.getByRole("listitem", { name: /^Assistant message/ }).last();
  await expect(answer).toContainText(`[sandbox] ${base} two here`, { timeout: 30_000 });
  await expect(answer.getByLabel("Answer metrics")).toContainText("open-mistral-nemo");
});
