printf 'Hello World\n' | /usr/bin/tr 'a-z' 'A-Z' | /usr/bin/head -c 5; echo
printf 'one two three\n' | /usr/bin/wc -w
