# expect: dash's jobs inside a pipeline subshell lists nothing; bash lists the parent's jobs
sleep 0.2 &
jobs | sed 's/[0-9][0-9]*//g' | tr -s ' '
wait
