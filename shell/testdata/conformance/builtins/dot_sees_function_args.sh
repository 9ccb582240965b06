echo 'echo "dot: $1"' > inc
f() { . ./inc; }
f farg
