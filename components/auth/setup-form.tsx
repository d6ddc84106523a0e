"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ApiError, describeError } from "@/lib/api/errors";
import { consoleFetch, postJson } from "@/lib/api/console";
import { routes } from "@/lib/routes";

/** First run: the setup token from the server log makes its holder the first admin. */
export function SetupForm() {
  const router = useRouter();
  const [needed, setNeeded] = useState<boolean | null>(null);
  const [form, setForm] = useState({ token: "", name: "", email: "", password: "", confirm: "" });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);

  useEffect(() => {
    consoleFetch<{ setupNeeded: boolean }>("/api/console/auth-info").then(
      (info) => setNeeded(info.setupNeeded),
      () => setNeeded(true),
    );
  }, []);

  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const fieldError = (field: string) => (error?.field === field ? error.message : null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (form.password.length < 12 || form.password.length > 128) {
      setError({ field: "password", message: "The password needs 12 to 128 characters." });
      return;
    }
    if (form.password !== form.confirm) {
      setError({ field: "confirm", message: "The two passwords differ." });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { token, name, email, password } = form;
      await postJson("/api/console/setup", { token, name, email, password });
      router.replace(routes.home());
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setNeeded(false);
      const field = e instanceof ApiError ? e.param : null;
      setError({
        field,
        message: e instanceof ApiError ? e.message : describeError(e).title,
      });
      setBusy(false);
    }
  }

  if (needed === false) {
    return (
      <div className="flex flex-col gap-3">
        <h1 className="text-lg font-semibold">Setup is done</h1>
        <p className="text-sm text-muted">This console already has an admin.</p>
        <a href={routes.signIn()} className="text-sm font-medium text-accent underline">
          Sign in
        </a>
      </div>
    );
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <div>
        <h1 className="text-lg font-semibold">Set up Mistral Console</h1>
        <p className="mt-1 text-sm text-muted">
          Create the first admin. The setup token is printed in the server log at start: look for
          the line <code className="font-mono">Setup token:</code>.
        </p>
      </div>
      <Field label="Setup token" error={fieldError("token")}>
        {(ids) => (
          <input
            {...ids}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            className={`${inputClass} font-mono`}
            value={form.token}
            onChange={set("token")}
          />
        )}
      </Field>
      <Field label="Name" error={fieldError("name")}>
        {(ids) => (
          <input
            {...ids}
            autoComplete="name"
            className={inputClass}
            value={form.name}
            onChange={set("name")}
          />
        )}
      </Field>
      <Field label="Email" error={fieldError("email")}>
        {(ids) => (
          <input
            {...ids}
            type="email"
            autoComplete="username"
            className={inputClass}
            value={form.email}
            onChange={set("email")}
          />
        )}
      </Field>
      <Field label="Password" description="12 to 128 characters." error={fieldError("password")}>
        {(ids) => (
          <input
            {...ids}
            type="password"
            autoComplete="new-password"
            className={inputClass}
            value={form.password}
            onChange={set("password")}
          />
        )}
      </Field>
      <Field label="Confirm password" error={fieldError("confirm")}>
        {(ids) => (
          <input
            {...ids}
            type="password"
            autoComplete="new-password"
            className={inputClass}
            value={form.confirm}
            onChange={set("confirm")}
          />
        )}
      </Field>
      {error && !["token", "name", "email", "password", "confirm"].includes(error.field ?? "") && (
        <div role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
          {error.message}
        </div>
      )}
      <Button
        type="submit"
        variant="primary"
        disabled={busy || !form.token || !form.name || !form.email || !form.password}
      >
        {busy ? "Creating…" : "Create admin"}
      </Button>
    </form>
  );
}
