for w in apple banana cherry other; do
  case $w in
    apple) echo "A";;
    banana) echo "B";;
    cherry) echo "C";;
    *) echo "?";;
  esac
done
