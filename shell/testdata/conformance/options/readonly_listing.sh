readonly RO_ZZ=v
readonly -p | grep RO_ZZ
