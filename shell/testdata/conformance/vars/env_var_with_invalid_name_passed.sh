/usr/bin/env 'a-b=1' /usr/bin/env | grep -c 'a-b'
