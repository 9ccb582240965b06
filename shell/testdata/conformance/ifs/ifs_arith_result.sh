IFS=1
printf '[%s]' $((10+1)); echo
