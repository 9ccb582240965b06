# expect: with PATH unset, dash 0.5.12 finds no command by name: cat: not found, 127
# zinebox-differs: applets are found before PATH and without it (issue 7: applets run as /proc/self/exe, no PATH search; see sh(1)), so cat is "a zinebox applet"
unset PATH
cat /dev/null && echo found-cat
