export EXP_ZZ=value
export -p | grep EXP_ZZ
