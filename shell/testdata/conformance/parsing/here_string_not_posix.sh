# expect: <<< is bash-only: a syntax error in dash
cat <<< word
