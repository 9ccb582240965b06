set --
i=0
while [ $i -lt 500 ]; do set -- "$@" $i; i=$((i+1)); done
/usr/bin/printf '%s\n' "$@" | wc -l
