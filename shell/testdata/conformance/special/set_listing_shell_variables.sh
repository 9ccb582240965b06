set | grep -v '^PPID=' | sed "s|$PWD|TMP|"
