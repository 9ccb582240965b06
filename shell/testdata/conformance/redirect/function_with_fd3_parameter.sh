logto3() { echo "log: $*" >&3; }
exec 3> log
logto3 one
logto3 two
exec 3>&-
cat log
