# expect: a redirection error on a special builtin (:) exits a non-interactive shell
: < nosuchfile
echo not reached
