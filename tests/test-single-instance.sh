#!/bin/sh
# Starting Loket a second time hands over to the running one (which raises
# its window) instead of opening a second window on the same database.
# Runs under xvfb-run and dbus-run-session; prints TAP.
set -eu

app=$1
folder=$(mktemp -d)
pid=
cleanup () {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  rm -rf "$folder"
}
trap cleanup EXIT

echo "1..2"

"$app" --db "$folder/loket.db" &
pid=$!

owned=false
for _ in $(seq 100); do
  if gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
       --method org.freedesktop.DBus.NameHasOwner io.github.loket.Loket 2>/dev/null | grep -q true; then
    owned=true
    break
  fi
  sleep 0.1
done
if [ "$owned" != true ]; then
  echo "not ok 1 the first Loket never took its name on the session bus"
  exit 1
fi

if timeout 10 "$app" --db "$folder/loket.db"; then
  echo "ok 1 the second start returned at once"
else
  echo "not ok 1 the second start failed or stayed"
fi

if kill -0 "$pid" 2>/dev/null; then
  echo "ok 2 the first Loket is still running"
else
  echo "not ok 2 the first Loket is gone"
fi
