printf '%b\n' 'a\tb' 'c\nd' 'e\\f'
printf '%b' 'stop\chere'
echo
