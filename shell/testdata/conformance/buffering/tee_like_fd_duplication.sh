exec 3>&1
{ echo to-3 >&3; echo to-1; } > f
cat f
exec 3>&-
