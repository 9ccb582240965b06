# expect: dash treats this error as fatal to the script (status 2, POSIX 2.8.1 for special builtins and expansion errors); bash --posix goes on
export 1abc=x
echo not reached
