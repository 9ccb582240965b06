f() { exit 5; }
trap 'echo "exit trap sees $?"' EXIT
f
