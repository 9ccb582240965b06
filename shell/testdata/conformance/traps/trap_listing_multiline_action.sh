trap 'echo a
echo b' INT
trap
