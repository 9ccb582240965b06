x=$(
  # a comment with ) inside
  echo ok
)
echo "$x"
