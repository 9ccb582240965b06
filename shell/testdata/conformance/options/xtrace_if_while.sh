set -x
if true; then echo yes; fi
i=0
while [ $i -lt 1 ]; do i=$((i+1)); done
