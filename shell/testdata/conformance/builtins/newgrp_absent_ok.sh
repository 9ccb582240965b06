command -v nonexisting_builtin_zz || echo "none $?"
