# expect: dash gives ${#*} and ${#@} as the length of "$*" (unspecified by POSIX; bash counts params)
set -- a b c
echo ${##} ${#*} ${#@}
