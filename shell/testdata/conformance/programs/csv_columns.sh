printf 'id,name,score\n1,ann,90\n2,bob,75\n3,cy,88\n' > data.csv
total=0 n=0
{
  read header
  while IFS=, read -r id name score; do
    total=$((total+score)); n=$((n+1))
    printf '%-4s %3d\n' "$name" "$score"
  done
} < data.csv
echo "avg $((total/n))"
