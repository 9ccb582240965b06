echo "cost: 5$"
echo $
echo "$"
echo 'x'$
