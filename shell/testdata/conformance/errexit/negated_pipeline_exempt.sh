set -e
! true
echo survived
! false
echo survived2
