shquote() { printf "'%s'\n" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
shquote "it's"
shquote 'plain'
eval "x=$(shquote "a'b c")"
echo "$x"
