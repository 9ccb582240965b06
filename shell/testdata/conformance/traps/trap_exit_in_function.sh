f() { trap 'echo exit-trap' EXIT; }
f
echo main
