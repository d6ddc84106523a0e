import {
  PERMISSION_PHRASES,
  ROLE_PERMISSIONS,
  ROLES,
  type Permission,
} from "@/lib/auth/permissions";

/** Shown instead of a page the signed-in role may not use (the server refuses it anyway). */
export function Forbidden({ permission }: { permission: Permission }) {
  const roles = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(permission));
  return (
    <div role="alert" className="rounded-lg border border-border bg-surface px-5 py-4 text-sm">
      <p className="font-medium">You can’t {PERMISSION_PHRASES[permission]}.</p>
      <p className="mt-1 text-muted">
        It needs the <code className="font-mono">{permission}</code> permission (role{" "}
        {roles.join(" or ")}). Ask an admin.
      </p>
    </div>
  );
}
