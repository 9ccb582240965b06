# expect: a pipeline whose stages are killed reports the last stage's status
/bin/sh -c 'kill -TERM $$' | /bin/sh -c 'kill -KILL $$'
echo "status $?"
