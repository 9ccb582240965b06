# expect: 'function f()' is bash-only: in dash 'function' is a command name and the line a syntax error
function f() { echo x; }
echo not reached
