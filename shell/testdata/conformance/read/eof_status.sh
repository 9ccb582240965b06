printf '' | { read x; echo "st=$? [$x]"; }
