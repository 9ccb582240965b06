set -e
if false; then :; elif false; then :; else echo else; fi
echo survived
