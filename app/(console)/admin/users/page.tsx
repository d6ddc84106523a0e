import { UsersPage } from "@/components/auth/users-page";

export const metadata = { title: "Users · Mistral Console" };

export default function Page() {
  return <UsersPage />;
}
