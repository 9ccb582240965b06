# expect: dash: FILE -nt MISSING is false; bash (and POSIX 2024): true
touch -d '2000-01-01' old
touch -d '2010-01-01' new
[ new -nt old ]; echo $?
[ old -nt new ]; echo $?
[ old -ot new ]; echo $?
[ old -nt missing ]; echo $?
