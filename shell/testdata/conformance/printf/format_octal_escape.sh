printf '\101\102\n'
printf '\0101\n'
