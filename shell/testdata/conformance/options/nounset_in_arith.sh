# expect: dash 0.5.12 does not apply set -u inside $((...)) (POSIX says it should; bash errors)
set -u
( echo $((undefined_zz+1)) )
echo "status $?"
