rev() {
  s=$1 r=
  while [ -n "$s" ]; do
    rest=${s#?}
    first=${s%"$rest"}
    r=$first$r
    s=$rest
  done
  echo "$r"
}
rev hello
rev 'a b*c'
