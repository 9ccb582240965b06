set -e
if ! false; then echo negated-ok; fi
echo survived
