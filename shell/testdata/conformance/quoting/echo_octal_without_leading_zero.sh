# expect: dash's echo takes \NNN octal escapes with or without the leading 0
echo '\101'
echo '\0101'
echo 'a\vb' | od -An -c
