# expect: with PATH unset, dash 0.5.12 finds no command by name: cat: not found, 127
unset PATH
cat /dev/null && echo found-cat
