set -e
false | true | true
echo survived
