set -e
! { false; }
echo survived
