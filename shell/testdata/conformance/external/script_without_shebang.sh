# expect: ENOEXEC: the shell runs a file without #! as a shell script itself
printf 'echo no-shebang; echo "args: $*"\n' > s
chmod +x s
./s a b
