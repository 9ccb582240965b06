join() { sep=$1; shift; IFS=$sep; echo "$*"; unset IFS; }
join , a b c
join '' x y
join ': ' p q
