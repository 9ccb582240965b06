printf 'alpha=1\nbeta=two words\n' > kv
while IFS= read -r line; do
  k=${line%%=*} v=${line#*=}
  eval "$k=\$v"
done < kv
echo "$alpha|$beta"
