v1='a
b' v2="it's \"quoted\"" v3='$(not run)' v4='	tab'
( printf '%s|' "$v1" "$v2" "$v3" "$v4"; echo )
