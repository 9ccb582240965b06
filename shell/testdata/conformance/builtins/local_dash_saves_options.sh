# expect: dash's 'local -' saves the shell options and restores them when the function returns (not POSIX)
f() { local -; set -f; case $- in *f*) echo "f on inside";; esac; }
f
case $- in *f*) echo "f still on";; *) echo "f restored";; esac
