text='the cat and the hat and the bat'
for w in $text; do echo "$w"; done | sort | uniq -c | sort -k1,1nr -k2 | sed 's/^ *//'
