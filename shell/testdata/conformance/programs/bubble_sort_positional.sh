set -- 5 3 9 1 7
n=$#
while [ $n -gt 1 ]; do
  i=1 new=
  prev=$1; shift
  for x; do
    if [ $prev -gt $x ]; then new="$new $x"; else new="$new $prev"; prev=$x; fi
  done
  set -- $new $prev
  n=$((n-1))
done
echo "$@"
