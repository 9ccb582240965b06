(
  echo a
  echo b
)
