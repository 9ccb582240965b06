f() { trap 'echo trap-from-f' EXIT; }
f
echo end
