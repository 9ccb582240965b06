echo 'a'b'c'
echo 'it'\''s'
echo ''
echo '' ''x
