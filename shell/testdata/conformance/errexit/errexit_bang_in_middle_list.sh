set -e
! false && true
echo survived
