exec 4>&1
echo to-four >&4
exec 4>&-
