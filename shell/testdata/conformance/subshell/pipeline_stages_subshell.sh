x=before
echo val | read x
echo "[$x]"
