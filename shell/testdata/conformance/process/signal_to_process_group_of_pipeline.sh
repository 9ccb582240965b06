# expect: a pipeline whose last stage is killed reports 128+signal (only one stage dies: the order of two messages would race)
/bin/sh -c 'exit 3' | /bin/sh -c 'kill -KILL $$'
echo "status $?"
