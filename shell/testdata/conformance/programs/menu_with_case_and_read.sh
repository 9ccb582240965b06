printf '2\nq\n' | while read choice; do
  case $choice in
    1) echo one;;
    2) echo two;;
    q) echo bye; break;;
  esac
done
