classify() {
  for x; do
    case $x in
      [0-9]*) echo "$x num";;
      *) echo "$x word";;
    esac
  done
}
classify 1 a 22 bb
