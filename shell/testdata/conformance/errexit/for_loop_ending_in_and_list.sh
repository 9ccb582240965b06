set -e
for i in 1; do false && true; done
echo "after loop $?"
