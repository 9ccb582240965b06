echo a;# comment
echo b
