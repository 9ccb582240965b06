trap "echo 'a b'" USR2
trap
