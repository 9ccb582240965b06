# flags: -e +e
false
echo survived
