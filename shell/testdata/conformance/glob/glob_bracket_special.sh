touch a- a] ab
echo a[]]
echo a[-]
echo a[b-]
