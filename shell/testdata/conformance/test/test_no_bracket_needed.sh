test 1 -eq 1 && echo yes
test -d / && echo root-dir
