#!/usr/bin/env bash
# The whole test suite: types, lint, format, generated files, Vitest (its unit, db and slow projects),
# production build, e2e (Playwright).
# Each step runs even when an earlier one failed (e2e needs the build), and the last line totals them all.
# Made for a 2-core machine: what only waits, or runs on one core, runs beside something else.
set -uo pipefail

# Everything runs inside main: bash reads a function whole, so editing this file mid-run is safe.
main() {
  cd "$(dirname "$0")/.."
  export NEXT_TELEMETRY_DISABLED=1
  out=.data/test-results
  rm -rf "$out" && mkdir -p "$out"
  passed=0
  failed=0

  step() { # step NAME CMD...: a step that counts as one check
    local name=$1; shift
    echo "::: $name"
    if "$@"; then passed=$((passed + 1)); echo "::: $name ok"; else failed=$((failed + 1)); echo "::: $name FAILED"; fi
  }

  count() { # count FILE KIND: adds the passed/failed totals of a JSON report
    local p f
    read -r p f < <(node scripts/count-report.mjs "$1" "$2") || { failed=$((failed + 1)); return; }
    passed=$((passed + p)); failed=$((failed + f))
  }

  # started NAME CMD...: a step run in the background, its output kept until `finish` reports it.
  names=() pids=()
  started() {
    local name=$1; shift
    "$@" >"$out/${name// /-}.log" 2>&1 &
    names+=("$name") pids+=($!)
  }
  # finish: waits for the started steps and reports each, in the order they started.
  finish() {
    local i
    for i in "${!pids[@]}"; do
      echo "::: ${names[$i]}"
      step_ok=0
      wait "${pids[$i]}" || step_ok=$?
      cat "$out/${names[$i]// /-}.log"
      if [ "$step_ok" -eq 0 ]; then
        passed=$((passed + 1)); echo "::: ${names[$i]} ok"
      else
        failed=$((failed + 1)); echo "::: ${names[$i]} FAILED"
      fi
    done
    names=() pids=()
  }

  # Vitest's slow project: one test that waits 75 s for a slow upstream, nearly idle. Started
  # first, it waits while the rest runs; its report is counted with the other Vitest projects.
  echo "::: vitest slow (in the background)"
  npx vitest run --project slow --reporter=default --reporter=json \
    --outputFile.json="$out/vitest-slow.json" >"$out/vitest-slow.log" 2>&1 &
  slow=$!

  # The static checks are one single-threaded process each (ESLint, type-aware, is the longest):
  # side by side they take about as long as ESLint alone. The route types (what `next build`
  # generates first) come first, so the types step checks what the build would check; the build
  # then skips its own check of the same program (CONSOLE_TYPES_CHECKED, next.config.js).
  npx next typegen >"$out/typegen.log" 2>&1 || cat "$out/typegen.log"
  started "types" npx tsc --noEmit
  started "lint" npx eslint . --max-warnings 0
  started "format" npx prettier --check . --log-level warn
  started "generated files" node scripts/check-generated.mjs
  finish

  # One throwaway PostgreSQL for Vitest's db project (the auth suite runs on SQLite and on it), so
  # its global setup (test/global-setup.ts) starts none. TEST_PG_PORT moves it, for runs side by side.
  echo "::: postgres"
  pg=${TEST_PG_PORT:-55442}
  if TEST_DATABASE_URL=$(bash scripts/postgres.sh start "$pg"); then
    export TEST_DATABASE_URL
    trap 'bash scripts/postgres.sh stop "$pg"' EXIT
  else
    failed=$((failed + 1)); echo "::: postgres FAILED (the PostgreSQL tests will fail)"
  fi

  echo "::: vitest"
  npx vitest run --project unit --project db --reporter=default --reporter=json \
    --outputFile.json="$out/vitest.json"
  count "$out/vitest.json" vitest
  echo "::: vitest slow"
  wait "$slow"
  cat "$out/vitest-slow.log"
  count "$out/vitest-slow.json" vitest

  echo "::: build"
  # Built with a canary key (the sandbox is forced), so e2e can prove the key never reaches the bundle.
  canary=$(node -p 'require("fs").readFileSync("e2e/canary.ts","utf8").match(/"(canary-[^"]+)"/)[1]')
  if CONSOLE_TYPES_CHECKED=1 MISTRAL_API_KEY="$canary" MISTRAL_BACKEND=sandbox npx next build; then
    passed=$((passed + 1))
    if browser=$(bash scripts/find-browser.sh); then
      echo "::: e2e (Chromium: $browser)"
      CHROMIUM_PATH="$browser" PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" \
        npx playwright test --reporter=list,json
      count "$out/playwright.json" playwright
      # The consoles of playwright.config.ts: port+2 is the console in live mode
      # (e2e/faults.live.spec.ts), port+4 the one restart.slow.spec.ts restarts (port+3 is the fake API),
      # port+5 the live console in front of the standalone sandbox (port+6), port+7 and port+8
      # the signed-in consoles on SQLite and PostgreSQL.
      p=${E2E_PORT:-3100}
      bash scripts/postgres.sh stop $((55452 + p - 3100))
      logs=".data/e2e-$p.log .data/e2e-$((p + 1)).log .data/e2e-$((p + 2)).log .data/e2e-$((p + 4)).log .data/e2e-$((p + 5)).log .data/e2e-$((p + 7)).log .data/e2e-$((p + 8)).log"
      step "no key in the server logs" bash -c "for f in $logs; do test -s \$f || exit 1; done; ! grep -q '$canary' $logs"
    else
      failed=$((failed + 1)); echo "::: e2e FAILED: no browser"
    fi
  else
    failed=$((failed + 1)); echo "::: build FAILED (e2e not run)"
  fi

  echo
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

main "$@"
exit $?
