P=plain
export E=exported
( /usr/bin/env | grep -E '^(P|E)=' )
( echo "P=$P" )
