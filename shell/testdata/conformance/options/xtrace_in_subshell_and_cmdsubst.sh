set -x
( echo in-sub )
x=$(echo in-cmdsubst)
