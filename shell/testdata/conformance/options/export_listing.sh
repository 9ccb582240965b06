# expect: export -p quotes values with single quotes in dash, double quotes in bash
export EXP_ZZ=value
export -p | grep EXP_ZZ
