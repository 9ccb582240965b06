set -e
f() { false; echo not; }
x=$(f; echo sub-continues)
echo "[$x]"
