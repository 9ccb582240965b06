echo data | /bin/cat
printf 'a\nb\n' | /usr/bin/wc -l
