( readonly RO=1; echo $RO )
RO=2
echo $RO
