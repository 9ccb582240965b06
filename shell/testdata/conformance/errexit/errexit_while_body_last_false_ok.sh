set -e
i=0
while [ $i -lt 1 ]; do i=1; done
echo survived
