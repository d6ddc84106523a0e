// The rules the console's schemas carry, as the routes and the forms both apply them.
import { describe, expect, it } from "vitest";
import { auditQuery } from "./audit";
import { isValidPassword } from "./fields";
import { jobOwnersQuery } from "./job-owners";
import { setupBody, setupForm } from "./setup";
import { createTokenBody, tokensQuery } from "./tokens";
import { usageQuery } from "./usage";
import { createUserBody, rateLimitInput, updateUserBody } from "./users";

const person = { email: "A.Person@Example.com ", name: " A Person ", role: "member" };
const setup = { token: " tok ", email: "a@example.com", name: "Admin" };

describe("passwords: 12 to 128 characters wherever one is set", () => {
  const cases: [string, (password: string) => boolean][] = [
    ["a user an admin adds", (p) => createUserBody.safeParse({ ...person, password: p }).success],
    ["the first admin (route)", (p) => setupBody.safeParse({ ...setup, password: p }).success],
    [
      "the first admin (form)",
      (p) => setupForm.safeParse({ ...setup, password: p, confirm: p }).success,
    ],
    ["CONSOLE_ADMIN_PASSWORD", isValidPassword],
  ];
  it.each(cases)("%s", (_, accepts) => {
    expect(accepts("p".repeat(11))).toBe(false);
    expect(accepts("p".repeat(12))).toBe(true);
    expect(accepts("p".repeat(128))).toBe(true);
    expect(accepts("p".repeat(129))).toBe(false);
    // Spaces count: a password is never trimmed.
    expect(accepts(` ${"p".repeat(10)} `)).toBe(true);
  });

  it("the setup form wants the same password twice, and says so on the confirmation", () => {
    const result = setupForm.safeParse({
      ...setup,
      password: "p".repeat(12),
      confirm: "q".repeat(12),
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([{ path: ["confirm"] }]);
  });
});

describe("users", () => {
  it("an email is trimmed and lower-cased, a name trimmed; a bad one is named", () => {
    const parsed = createUserBody.parse({ ...person, password: "p".repeat(12) });
    expect(parsed).toMatchObject({ email: "a.person@example.com", name: "A Person" });
    const bad = createUserBody.safeParse({ ...person, email: "nope", password: "p".repeat(12) });
    expect(bad.error?.issues[0].path).toEqual(["email"]);
    const long = createUserBody.safeParse({
      ...person,
      email: `${"e".repeat(250)}@example.com`,
      password: "p".repeat(12),
    });
    expect(long.error?.issues[0].path).toEqual(["email"]);
    const noName = createUserBody.safeParse({ ...person, name: "  ", password: "p".repeat(12) });
    expect(noName.error?.issues[0].path).toEqual(["name"]);
  });

  it("roles are viewer, member or admin", () => {
    for (const role of ["viewer", "member", "admin"]) {
      expect(updateUserBody.safeParse({ role }).success).toBe(true);
    }
    expect(updateUserBody.safeParse({ role: "owner" }).error?.issues[0].path).toEqual(["role"]);
  });

  it("a per-user limit is a whole number from 1 to 999999, or null for the default", () => {
    const limit = (v: unknown) => updateUserBody.safeParse({ rateLimitPerMinute: v }).success;
    expect([1, 999_999, null].map(limit)).toEqual([true, true, true]);
    expect([0, 1_000_000, 1.5, -3, "5"].map(limit)).toEqual([false, false, false, false, false]);
    expect(updateUserBody.safeParse({ disabled: "yes" }).error?.issues[0].path).toEqual([
      "disabled",
    ]);
    // An empty patch changes nothing, and is valid.
    expect(updateUserBody.parse({})).toEqual({});
  });

  it("the limit box reads empty as the default and refuses what the route would", () => {
    expect(rateLimitInput.parse("")).toBeNull();
    expect(rateLimitInput.parse(" 60 ")).toBe(60);
    expect(rateLimitInput.parse("999999")).toBe(999_999);
    for (const bad of ["0", "1000000", "1.5", "-1", "ten"]) {
      expect(rateLimitInput.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe("tokens", () => {
  it("a token's name is 1 to 64 characters once trimmed", () => {
    expect(createTokenBody.parse({ name: "  nightly  " })).toEqual({ name: "nightly" });
    expect(createTokenBody.safeParse({ name: "   " }).success).toBe(false);
    expect(createTokenBody.safeParse({ name: "n".repeat(64) }).success).toBe(true);
    expect(createTokenBody.safeParse({ name: "n".repeat(65) }).success).toBe(false);
  });

  it("?all is 1 or 0", () => {
    expect(tokensQuery.parse({ all: "1" })).toEqual({ all: "1" });
    expect(tokensQuery.safeParse({ all: "yes" }).success).toBe(false);
  });
});

describe("audit, usage and job-owner queries", () => {
  it("an audit page is 1 to 500 entries (100 unless asked), filtered by ISO times", () => {
    expect(auditQuery.parse({})).toMatchObject({ limit: 100, format: "json" });
    expect(auditQuery.parse({ limit: "500" }).limit).toBe(500);
    for (const limit of ["0", "501", "1.5", "ten"]) {
      expect(auditQuery.safeParse({ limit }).error?.issues[0].path, limit).toEqual(["limit"]);
    }
    expect(auditQuery.parse({ from: "2026-11-01T00:00:00.000Z" }).from).toBe(Date.UTC(2026, 10, 1));
    expect(auditQuery.safeParse({ from: "yesterday" }).error?.issues[0].path).toEqual(["from"]);
    expect(auditQuery.safeParse({ before: "x" }).error?.issues[0].path).toEqual(["before"]);
  });

  it("usage covers 1 to 366 days, 30 unless asked", () => {
    expect(usageQuery.parse({}).days).toBe(30);
    expect(usageQuery.parse({ days: "366" }).days).toBe(366);
    expect(usageQuery.safeParse({ days: "367" }).success).toBe(false);
    expect(usageQuery.safeParse({ days: "0" }).success).toBe(false);
  });

  it("job owners are looked up for at most 200 ids", () => {
    expect(jobOwnersQuery.parse({ ids: " a, ,b ,c" }).ids).toEqual(["a", "b", "c"]);
    expect(jobOwnersQuery.parse({}).ids).toEqual([]);
    const many = Array.from({ length: 250 }, (_, i) => `j${i}`).join(",");
    expect(jobOwnersQuery.parse({ ids: many }).ids).toHaveLength(200);
  });
});
