echo "x${undefined_var_abc}y"
