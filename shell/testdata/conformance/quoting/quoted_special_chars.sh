echo "a;b" 'c|d' "e&f" 'g>h' "i<j" '(k)'
echo "#notcomment" a#b
echo a #comment
