lines='one a
two b'
IFS='
'
for l in $lines; do echo "<$l>"; done
