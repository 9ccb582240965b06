cat <<E;
semi
E
echo after
