test 0x10 -eq 16; echo $?
