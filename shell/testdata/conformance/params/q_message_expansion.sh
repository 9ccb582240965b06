# expect: a failed ${u?msg} exits with status 2 in dash, 1 in bash
unset u
m=custom
( : ${u?message $m here} )
echo $?
