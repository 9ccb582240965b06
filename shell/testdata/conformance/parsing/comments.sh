# full line comment
echo a # trailing comment
echo b#not-comment
echo '#' "#" \#
   # indented comment
