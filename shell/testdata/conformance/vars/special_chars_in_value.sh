x='$(not) `run` ; & |'
echo "$x"
