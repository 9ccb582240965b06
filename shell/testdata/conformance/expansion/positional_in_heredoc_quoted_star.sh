# expect: dash joins $* with the first IFS character in a here-document; bash joins with a space
set -- x y
IFS=-
cat <<EOF
$*
EOF
