# expect: the shell runs its INT trap after the foreground child (killed by the default action) ends
trap 'echo got-int' INT
/bin/sh -c 'kill -INT 0; echo child-not-reached'
echo after
