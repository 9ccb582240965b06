[ abc =~ b ]
echo "status $?"
