x=$(cat <<'E'
$not
E
)
echo "$x"
