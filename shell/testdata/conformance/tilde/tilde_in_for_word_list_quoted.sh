HOME=/h
for x in ~ "~" '~'; do echo "$x"; done
