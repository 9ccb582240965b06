# reference: bash-posix
# expect: POSIX LINENO; Debian's dash 0.5.12 leaves it empty, so bash --posix is the reference
echo $LINENO
LINENO=100
echo $LINENO
