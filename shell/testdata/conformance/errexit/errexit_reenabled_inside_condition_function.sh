set -e
f() { set -e; false; echo "still running in f"; }
f && echo and-branch
