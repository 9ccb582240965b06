set -e
i=0
while [ $i -lt 3 ]; do i=$((i+1)); [ $i -eq 2 ] && false; echo $i; done
echo after
