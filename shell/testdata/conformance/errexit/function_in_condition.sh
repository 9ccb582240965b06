set -e
f() { false; echo "inside f after false"; }
if f; then echo f-true; fi
echo survived
