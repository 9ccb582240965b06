umask 077
/bin/sh -c umask
