# expect: dash: shift: can't shift that many, exit 2 (special builtin)
set -- a b
shift 3
echo not reached
