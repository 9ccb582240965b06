set -e
x=$((0))
echo survived
