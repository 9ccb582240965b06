set -e
false && echo no
echo survived
