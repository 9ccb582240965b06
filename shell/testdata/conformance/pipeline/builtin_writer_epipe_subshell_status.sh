# expect: the writer subshell dies of SIGPIPE (so 'writer done' never appears); the pipeline status is head's
( trap - PIPE; i=0; while [ $i -lt 100000 ]; do echo line; i=$((i+1)); done; echo "writer done" >&2 ) | head -n 1
echo "status $?"
