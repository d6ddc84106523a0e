// The Directory groups page: an admin builds the ordered list of rules that map identity-provider
// groups to teams and roles, reorders it, saves it, and finds it again after a reload.
import { expect, test } from "./test";

test("an admin adds, reorders and saves directory-group rules; a reload keeps them", async ({
  page,
  request,
}) => {
  const name = `SSO team ${Date.now()}`;
  const created = await request.post("/api/console/teams", { data: { name } });
  expect(created.status()).toBe(201);
  const { team } = (await created.json()) as { team: { id: string } };

  await page.goto("/");
  await page.getByRole("link", { name: "Directory groups" }).click();
  await expect(page.getByRole("heading", { name: "Directory groups" })).toBeVisible();
  // The e2e console has no identity provider: the page says so, and rules can still be prepared.
  await expect(page.getByRole("note")).toContainText("Single sign-on is not configured");
  await expect(page.getByText("No rules yet")).toBeVisible();

  const addRule = page.getByRole("button", { name: "Add rule" });
  await addRule.click();
  await page.getByLabel("Group (rule 1)", { exact: true }).fill("console-admins");
  await page.getByLabel("Console role (rule 1)", { exact: true }).selectOption("admin");
  await addRule.click();
  await page.getByLabel("Group (rule 2)", { exact: true }).fill("ml-engineers");
  await page.getByLabel("Console role (rule 2)", { exact: true }).selectOption("member");
  // The role in a team is there to pick once the rule has a team.
  await expect(page.getByLabel("Role in team (rule 2)", { exact: true })).toBeDisabled();
  await page.getByLabel("Team (rule 2)", { exact: true }).selectOption({ label: name });
  await page.getByLabel("Role in team (rule 2)", { exact: true }).selectOption("admin");

  // A rule without a group is refused before anything is sent, next to its field.
  await addRule.click();
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByLabel("Group (rule 3)", { exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expect(page.getByText("Name the group.")).toBeVisible();
  await page.getByRole("button", { name: "Remove rule 3" }).click();

  await page.getByRole("button", { name: "Move rule 2 up" }).click();
  await expect(page.getByLabel("Group (rule 1)", { exact: true })).toHaveValue("ml-engineers");
  await expect(page.getByRole("button", { name: "Move rule 1 up" })).toBeDisabled();

  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByText("Directory groups saved")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save rules" })).toBeDisabled();

  await page.reload();
  const rules = page.getByRole("list", { name: "Rules" }).getByRole("listitem");
  await expect(rules).toHaveCount(2);
  await expect(page.getByLabel("Group (rule 1)", { exact: true })).toHaveValue("ml-engineers");
  await expect(page.getByLabel("Console role (rule 1)", { exact: true })).toHaveValue("member");
  await expect(page.getByLabel("Group (rule 2)", { exact: true })).toHaveValue("console-admins");
  await expect(page.getByLabel("Console role (rule 2)", { exact: true })).toHaveValue("admin");
  await expect(page.getByLabel("Team (rule 1)", { exact: true })).toHaveValue(team.id);
  await expect(page.getByLabel("Role in team (rule 1)", { exact: true })).toHaveValue("admin");
  await expect(page.getByLabel("Team (rule 2)", { exact: true })).toHaveValue("");
});
