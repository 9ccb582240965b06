set -e
while true; do false; break; done
echo not reached
