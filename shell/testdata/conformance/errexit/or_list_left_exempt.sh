set -e
false || echo rescued
echo survived
