#!/usr/bin/env bash
# Prints a new API token: bench/api-token.sh BASE_URL USER PASSWORD TOKEN_NAME
# Made by a password login (HTTP Basic on /api) with the CSRF token of a session, since only requests a bearer
# token authenticated skip CSRF, and a token cannot create tokens.
set -euo pipefail
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT
CSRF=$(curl -fs -c "$JAR" -b "$JAR" "$1/login" | sed -n 's/.*name="_csrf" content="\([^"]*\)".*/\1/p' | head -1)
curl -fs -c "$JAR" -b "$JAR" -u "$2:$3" -H "X-CSRF-TOKEN: $CSRF" -H 'Content-Type: application/json' \
  -d "{\"name\":\"$4\"}" "$1/api/v1/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
