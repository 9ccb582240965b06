set -e
f() { false; echo "still in f"; return 0; }
f && echo ok
echo survived
