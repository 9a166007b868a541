#!/usr/bin/env bash
# Commit only the given paths, serialised with a lock: several developers
# (and helpers) commit from one working tree.
# usage: scripts/commit.sh "message" path [path...]
set -euo pipefail
msg=$1; shift
exec 9>/tmp/tensor-lens-git.lock
flock 9
git add -A -- "$@"
git commit -q -m "$msg" -- "$@" && git log --oneline -1
