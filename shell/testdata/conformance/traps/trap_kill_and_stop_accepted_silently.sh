# expect: dash accepts (and ignores) traps on KILL and STOP, status 0
trap 'echo x' KILL; echo $?
trap 'echo x' STOP; echo $?
