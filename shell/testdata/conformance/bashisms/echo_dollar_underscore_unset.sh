# expect: $_ is not set by dash 0.5.12 in a script
echo a b
echo "[${_-unset}]"
