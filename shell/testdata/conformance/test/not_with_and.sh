[ ! -e /nonexistent -a -d / ]; echo $?
