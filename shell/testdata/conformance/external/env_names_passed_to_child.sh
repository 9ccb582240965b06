# expect: the child sees exactly HOME LC_ALL PATH PWD (the runner's environment plus PWD)
/usr/bin/env | sed 's/=.*//' | sort
