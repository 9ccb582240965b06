# expect: command -v of a missing name: status 127 in dash, 1 in bash
command -v nonexisting_builtin_zz || echo "none $?"
