count=0
( count=$((count+1)) )
{ count=$((count+10)); }
echo $count
echo x | { count=$((count+100)); }
echo $count
