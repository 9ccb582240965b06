set -e
until false; do break; done
echo survived
