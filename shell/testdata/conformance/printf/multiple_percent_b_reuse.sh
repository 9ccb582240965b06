printf '%b|' 'x\ty' 'z'
echo
