unset u
m=custom
( : ${u?message $m here} )
echo $?
