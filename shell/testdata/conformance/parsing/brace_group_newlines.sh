{
  echo a
  echo b
}
