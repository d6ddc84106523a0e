"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { consoleFetch } from "@/lib/api/client";
import { safeNext } from "@/lib/auth/safe-next";
import { signInForm, type AuthInfo } from "@/lib/console/session";
import { formatDuration } from "@/lib/format";
import { parseRetryAfter } from "@/lib/http/retry-after";

/** The moment a pause of `seconds` ends, and now (read outside render: the clock is impure). */
function pausedFor(seconds: number) {
  const now = Date.now();
  return { now, until: now + seconds * 1000 };
}

function nextPath(): string {
  return safeNext(new URLSearchParams(window.location.search).get("next"), "/");
}

/**
 * Email and password sign-in (better-auth), single sign-on when the server says one is configured
 * (`oidc`), throttling shown with its countdown.
 */
export function SignInForm({ oidc }: { oidc: AuthInfo["oidc"] }) {
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [redirecting, setRedirecting] = useState(false);
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(signInForm),
    defaultValues: { email: "", password: "" },
  });
  const [email, password] = useWatch({ control, name: ["email", "password"] });

  useEffect(() => {
    if (waitUntil === null) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= waitUntil) {
        setWaitUntil(null);
        setError(null);
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [waitUntil]);

  const secondsLeft = waitUntil === null ? 0 : Math.max(0, Math.ceil((waitUntil - now) / 1000));
  const busy = isSubmitting || redirecting;

  const submit = handleSubmit(async (body) => {
    setError(null);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (response.ok) {
        // A full load, so the server renders the console for the signed-in user.
        setRedirecting(true);
        window.location.assign(nextPath());
        return;
      }
      const answer = (await response.json().catch(() => ({}))) as {
        message?: string;
        code?: string;
      };
      if (response.status === 429) {
        // better-auth's per-address limiter sends only X-Retry-After.
        const seconds =
          parseRetryAfter(
            response.headers.get("retry-after") ?? response.headers.get("x-retry-after"),
          ) ?? 60;
        const clock = pausedFor(seconds);
        setWaitUntil(clock.until);
        setNow(clock.now);
        setError(
          answer.code === "TOO_MANY_ATTEMPTS"
            ? "Too many failed sign-ins. Sign-in is paused for this account."
            : "Too many sign-in attempts from this address. Sign-in is paused.",
        );
      } else if (response.status === 401) {
        setError("Invalid email or password.");
      } else {
        setError(answer.message ?? `Sign-in failed (${response.status}).`);
      }
    } catch {
      setError("The console could not be reached. Check your connection and try again.");
    }
  });

  async function singleSignOn() {
    setRedirecting(true);
    setError(null);
    try {
      const { url } = await consoleFetch<{ url: string }>("/api/auth/sign-in/social", {
        json: { provider: "oidc", callbackURL: nextPath() },
      });
      window.location.assign(url);
    } catch {
      setError("Single sign-on is not available right now.");
      setRedirecting(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-lg font-semibold">Sign in</h1>
        <p className="mt-1 text-sm text-muted">
          Use the account an admin of this console made for you.
        </p>
      </div>
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <Field label="Email" error={errors.email?.message}>
          {(ids) => (
            <input
              {...ids}
              {...register("email")}
              type="email"
              autoComplete="username"
              autoFocus
              required
              className={inputClass}
            />
          )}
        </Field>
        <Field label="Password" error={errors.password?.message}>
          {(ids) => (
            <input
              {...ids}
              {...register("password")}
              type="password"
              autoComplete="current-password"
              required
              className={inputClass}
            />
          )}
        </Field>
        {error && (
          <div role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
            {error}
            {secondsLeft > 0 && <> Try again in {formatDuration(secondsLeft)}.</>}
          </div>
        )}
        <Button
          type="submit"
          variant="primary"
          disabled={busy || secondsLeft > 0 || !email || !password}
        >
          {busy ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {oidc && (
        <>
          <div className="flex items-center gap-2 text-xs text-muted">
            <span className="h-px flex-1 bg-border" /> or <span className="h-px flex-1 bg-border" />
          </div>
          <Button onClick={singleSignOn} disabled={busy}>
            Sign in with {oidc.name}
          </Button>
        </>
      )}
    </div>
  );
}
