import { audit } from "@/lib/server/auth/audit";
import { consoleRoute, email, json, password, readObject, text } from "@/lib/server/auth/route";
import { createUser, listUsers, parseRole } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";

export const GET = consoleRoute("users.manage", async ({ ctx }) =>
  json({ users: await listUsers(ctx) }),
);

export const POST = consoleRoute("users.manage", async ({ ctx, principal, request }) => {
  const body = await readObject(request);
  const user = await createUser(ctx, {
    email: email(body),
    name: text(body, "name", { min: 1, max: 100 }).trim(),
    password: password(body),
    role: parseRole(body.role),
  });
  await audit(ctx, principal, {
    operation: "users.create",
    method: "POST",
    path: "/api/console/users",
    target: user.email,
    status: 201,
  });
  return json({ user }, 201);
});
