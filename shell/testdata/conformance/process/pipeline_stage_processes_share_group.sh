# expect: the stages of a pipeline run as processes (never in the shell's own pid)
a=$(echo | /bin/sh -c 'echo $$')
[ "$a" != $$ ] && echo stage-is-child
