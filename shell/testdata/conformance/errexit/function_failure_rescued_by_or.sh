set -e
f() { return 1; }
f || true
echo survived
