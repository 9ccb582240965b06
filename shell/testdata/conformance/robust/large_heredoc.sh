# expect: a here-document larger than a pipe buffer must not deadlock
{
  echo 'cat <<EOF | wc -c'
  i=0
  while [ $i -lt 3000 ]; do echo "0123456789012345678901234567890123456789012345678901234567890123456789012345678 $i"; i=$((i+1)); done
  echo EOF
} > gen.sh
. ./gen.sh
