set -e
{ false && true; }
echo "after group $?"
