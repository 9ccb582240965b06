true &
p=$!
wait $p
echo "status $?"
case $p in ''|*[!0-9]*) echo bad;; *) echo numeric;; esac
