set -f -u -C
( case $- in *f*u*|*u*f*) echo "f and u";; esac; set -o | grep -E '^noclobber' )
