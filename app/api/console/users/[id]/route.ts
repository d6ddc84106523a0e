import { audit } from "@/lib/server/auth/audit";
import { consoleRoute, json, readObject } from "@/lib/server/auth/route";
import { deleteUser, parseRole, updateUser, UserError } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";

export const PATCH = consoleRoute("users.manage", async ({ ctx, principal, request, params }) => {
  const body = await readObject(request);
  const patch: Parameters<typeof updateUser>[3] = {};
  if ("role" in body) patch.role = parseRole(body.role);
  if ("disabled" in body) {
    if (typeof body.disabled !== "boolean") {
      throw new UserError(422, "invalid_field", "disabled must be true or false.", "disabled");
    }
    patch.disabled = body.disabled;
  }
  if ("rateLimitPerMinute" in body) {
    const v = body.rateLimitPerMinute;
    if (v !== null && !(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 999_999)) {
      throw new UserError(
        422,
        "invalid_field",
        "rateLimitPerMinute must be a whole number from 1 to 999999, or null for the default.",
        "rateLimitPerMinute",
      );
    }
    patch.rateLimitPerMinute = v as number | null;
  }
  const user = await updateUser(ctx, principal.userId, params.id, patch);
  await audit(ctx, principal, {
    operation: "users.update",
    method: "PATCH",
    path: `/api/console/users/${params.id}`,
    target: user.email,
    status: 200,
  });
  return json({ user });
});

export const DELETE = consoleRoute("users.manage", async ({ ctx, principal, params }) => {
  await deleteUser(ctx, principal.userId, params.id);
  await audit(ctx, principal, {
    operation: "users.delete",
    method: "DELETE",
    path: `/api/console/users/${params.id}`,
    target: params.id,
    status: 204,
  });
  return new Response(null, { status: 204 });
});
