mkdir -p src/sub
touch src/a.c src/b.c src/c.h src/sub/d.c README
n_c=0 n_h=0 n_other=0
for f in src/* src/sub/* *; do
  [ -f "$f" ] || continue
  case $f in
    *.c) n_c=$((n_c+1));;
    *.h) n_h=$((n_h+1));;
    *) n_other=$((n_other+1));;
  esac
done
echo "c=$n_c h=$n_h other=$n_other"
