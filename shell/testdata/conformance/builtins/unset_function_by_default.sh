# expect: dash's unset without -v/-f unsets only the variable, never the function (POSIX allows either)
f() { echo func; }
unset f
f 2>/dev/null || echo gone
