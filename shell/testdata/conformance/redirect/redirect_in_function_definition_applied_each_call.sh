f() { echo call; } >> log
f; f; f
cat log
