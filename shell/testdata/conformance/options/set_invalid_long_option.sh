set -o nosuchopt
echo not reached
