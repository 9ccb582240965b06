n=0
trap 'n=$((n+1)); [ $n -lt 3 ] && kill -USR1 $$' USR1
kill -USR1 $$
echo "n=$n"
