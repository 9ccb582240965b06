# reference: bash-posix
# expect: POSIX LINENO; Debian's dash 0.5.12 leaves it empty, so bash --posix is the reference
for i in 1 2; do
  echo "loop $LINENO"
done
cat <<EOF
heredoc $LINENO
EOF
