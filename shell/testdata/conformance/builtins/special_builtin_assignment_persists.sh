# expect: assignments before special builtins persist (POSIX 2.14)
X=persist :
echo "[$X]"
