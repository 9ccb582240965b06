# expect: [^x] is unspecified by POSIX; dash treats ^ like !
touch a b c
echo [^a]
