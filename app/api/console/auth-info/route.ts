// What the signed-out pages need to know; nothing here is secret, and it answers on any host.
import { getAuthContext } from "@/lib/server/auth";
import { failure, json } from "@/lib/server/auth/route";
import { authInfo } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    return json(await authInfo(await getAuthContext()));
  } catch (error) {
    return failure(error);
  }
}
