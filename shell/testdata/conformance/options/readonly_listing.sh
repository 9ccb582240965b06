# expect: readonly -p quotes values with single quotes in dash, double quotes in bash
readonly RO_ZZ=v
readonly -p | grep RO_ZZ
