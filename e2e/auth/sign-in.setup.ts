// Signs the admin in once and keeps the session for the journeys that run signed in.
import { expect, test as setup } from "@playwright/test";
import { ADMIN, adminState } from "./admin";

setup("sign in as the admin", async ({ request, baseURL }) => {
  const response = await request.post("/api/auth/sign-in/email", {
    headers: { origin: baseURL! },
    data: { email: ADMIN.email, password: ADMIN.password },
  });
  expect(response.status()).toBe(200);
  await request.storageState({ path: adminState(new URL(baseURL!).port) });
});
