fmt='%s-%s\n'
printf "$fmt" a b
