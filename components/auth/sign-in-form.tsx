"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { consoleFetch, safeNext } from "@/lib/api/console";
import { formatDuration } from "@/lib/format";
import { parseRetryAfter } from "@/lib/http/retry-after";
import { routes } from "@/lib/routes";

interface AuthInfo {
  setupNeeded: boolean;
  oidc: { name: string } | null;
  authMode: "on" | "off";
}

function nextPath(): string {
  return safeNext(new URLSearchParams(window.location.search).get("next"), "/");
}

/** Email and password sign-in (better-auth), single sign-on when configured, throttling shown. */
export function SignInForm() {
  const [info, setInfo] = useState<AuthInfo | null>(null);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    consoleFetch<AuthInfo>("/api/console/auth-info").then(setInfo, () => setInfo(null));
  }, []);

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

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      });
      if (response.ok) {
        // A full load, so the server renders the console for the signed-in user.
        window.location.assign(nextPath());
        return;
      }
      const body = (await response.json().catch(() => ({}))) as {
        message?: string;
        code?: string;
      };
      if (response.status === 429) {
        // better-auth's per-address limiter sends only X-Retry-After.
        const seconds =
          parseRetryAfter(
            response.headers.get("retry-after") ?? response.headers.get("x-retry-after"),
          ) ?? 60;
        setWaitUntil(Date.now() + seconds * 1000);
        setNow(Date.now());
        setError(
          body.code === "TOO_MANY_ATTEMPTS"
            ? "Too many failed sign-ins. Sign-in is paused for this account."
            : "Too many sign-in attempts from this address. Sign-in is paused.",
        );
      } else if (response.status === 401) {
        setError("Invalid email or password.");
      } else {
        setError(body.message ?? `Sign-in failed (${response.status}).`);
      }
    } catch {
      setError("The console could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  async function singleSignOn() {
    setBusy(true);
    setError(null);
    try {
      const { url } = await consoleFetch<{ url: string }>("/api/auth/sign-in/social", {
        method: "POST",
        body: JSON.stringify({ provider: "oidc", callbackURL: nextPath() }),
      });
      window.location.assign(url);
    } catch {
      setError("Single sign-on is not available right now.");
      setBusy(false);
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
      {info?.setupNeeded && (
        <p className="rounded-md bg-info-soft px-3 py-2 text-sm">
          This console has no admin yet.{" "}
          <a href={routes.setup()} className="font-medium text-accent underline">
            Set it up
          </a>{" "}
          with the setup token from the server log.
        </p>
      )}
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <Field label="Email">
          {(ids) => (
            <input
              {...ids}
              type="email"
              autoComplete="username"
              autoFocus
              required
              className={inputClass}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label="Password">
          {(ids) => (
            <input
              {...ids}
              type="password"
              autoComplete="current-password"
              required
              className={inputClass}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
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
      {info?.oidc && (
        <>
          <div className="flex items-center gap-2 text-xs text-muted">
            <span className="h-px flex-1 bg-border" /> or <span className="h-px flex-1 bg-border" />
          </div>
          <Button onClick={singleSignOn} disabled={busy}>
            Sign in with {info.oidc.name}
          </Button>
        </>
      )}
    </div>
  );
}
