set -- $(i=1; while [ $i -le 120 ]; do echo $i; i=$((i+1)); done)
echo $# ${100} ${120}
