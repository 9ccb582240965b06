mkdir -p t/a/b t/c
touch t/f1 t/a/f2 t/a/b/f3 t/c/f4
walk() {
  for e in "$1"/*; do
    [ -e "$e" ] || continue
    if [ -d "$e" ]; then echo "d $e"; walk "$e"; else echo "f $e"; fi
  done
}
walk t
