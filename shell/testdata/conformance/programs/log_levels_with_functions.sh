LEVEL=2
log() { lvl=$1; shift; [ $lvl -le $LEVEL ] && echo "[$lvl] $*"; return 0; }
log 1 error happened
log 2 warning
log 3 debug noise
echo done
