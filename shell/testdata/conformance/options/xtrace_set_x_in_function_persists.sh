f() { set -x; }
f
echo traced-after
set +x
