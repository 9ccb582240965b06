false | true; echo $?
true | false; echo $?
(exit 3) | (exit 4); echo $?
