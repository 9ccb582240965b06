echo "~"
echo '~'
echo \~
