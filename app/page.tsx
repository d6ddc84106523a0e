import { redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/server/auth/page";
import { routes } from "@/lib/routes";

export const dynamic = "force-dynamic";

// Members start in the playground; viewers, who cannot spend, start with the fine-tuning jobs.
export default async function Home() {
  const { principal } = await requirePageUser();
  redirect(can(principal.role, "playground.use") ? routes.playground() : routes.jobs());
}
