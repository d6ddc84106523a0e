"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ApiError } from "@/lib/api/errors";
import { showServerError } from "@/lib/api/form-errors";
import { useConsoleSetup } from "@/lib/api/hooks/use-console-setup";
import { PASSWORD_RULE } from "@/lib/console/fields";
import { setupForm } from "@/lib/console/setup";
import { routes } from "@/lib/routes";

const FIELDS = Object.keys(setupForm.shape);

/**
 * First run: the setup token from the server log makes its holder the first admin. The page says
 * whether setup is still needed (`setupNeeded`); a 409 on submit says it was done meanwhile.
 */
export function SetupForm({ setupNeeded }: { setupNeeded: boolean }) {
  const router = useRouter();
  const [done, setDone] = useState(!setupNeeded);
  const setup = useConsoleSetup();
  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(setupForm),
    defaultValues: { token: "", name: "", email: "", password: "", confirm: "" },
  });
  const filled = useWatch({ control, name: ["token", "name", "email", "password"] }).every(Boolean);

  const submit = handleSubmit(async ({ token, name, email, password }) => {
    try {
      await setup.mutateAsync({ token, name, email, password });
      router.replace(routes.home());
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setDone(true);
      showServerError(error, FIELDS, setError);
    }
  });
  // After success the page is on its way to "/": the button stays busy until then.
  const busy = isSubmitting || setup.isSuccess;

  if (done) {
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
      <Field label="Setup token" error={errors.token?.message}>
        {(ids) => (
          <input
            {...ids}
            {...register("token")}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            className={`${inputClass} font-mono`}
          />
        )}
      </Field>
      <Field label="Name" error={errors.name?.message}>
        {(ids) => (
          <input {...ids} {...register("name")} autoComplete="name" className={inputClass} />
        )}
      </Field>
      <Field label="Email" error={errors.email?.message}>
        {(ids) => (
          <input
            {...ids}
            {...register("email")}
            type="email"
            autoComplete="username"
            className={inputClass}
          />
        )}
      </Field>
      <Field label="Password" description={`${PASSWORD_RULE}.`} error={errors.password?.message}>
        {(ids) => (
          <input
            {...ids}
            {...register("password")}
            type="password"
            autoComplete="new-password"
            className={inputClass}
          />
        )}
      </Field>
      <Field label="Confirm password" error={errors.confirm?.message}>
        {(ids) => (
          <input
            {...ids}
            {...register("confirm")}
            type="password"
            autoComplete="new-password"
            className={inputClass}
          />
        )}
      </Field>
      {errors.root?.server && (
        <div role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
          {errors.root.server.message}
        </div>
      )}
      <Button type="submit" variant="primary" disabled={busy || !filled}>
        {busy ? "Creating…" : "Create admin"}
      </Button>
    </form>
  );
}
