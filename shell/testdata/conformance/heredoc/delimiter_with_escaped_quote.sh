cat <<"E\"F"
q
E"F
echo after
