import { AuditPage } from "@/components/auth/audit-page";

export const metadata = { title: "Audit log · Mistral Console" };

export default function Page() {
  return <AuditPage />;
}
