set -- '' 'a b' 'c
d' '*' '$x'
( printf '[%s]' "$@"; echo )
echo "$(printf '<%s>' "$@")"
