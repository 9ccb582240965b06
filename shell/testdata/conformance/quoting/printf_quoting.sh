printf '%s\n' "a b" 'c d' e\ f
printf '%s|' a\ b "c"d 'e'"f"g
echo
