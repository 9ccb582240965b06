mkdir a
touch a/b
echo a[/]b
echo a/[b]
