echo "two
lines" | wc -l
