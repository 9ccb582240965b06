echo 'echo in-dot; return 3; echo not' > inc
f() { . ./inc; echo "after dot $?"; }
f
