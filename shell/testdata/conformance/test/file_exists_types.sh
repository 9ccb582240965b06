touch f
mkdir d
ln -s f link
ln -s nowhere broken
for t in -e -f -d -h -L -s -r -w; do
  printf '%s:' "$t"
  for p in f d link broken none; do
    if [ $t $p ]; then printf ' %s' $p; fi
  done
  echo
done
